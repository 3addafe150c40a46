// End-to-end, the whole journey of one chat, with three people in three
// browser contexts against the real server, all in Persian:
// - a supervisor signs in and keeps the wallboard open throughout;
// - an agent signs in, opens the desk, logs in to the contact center;
// - a customer starts a chat through the widget on a website and waits (no
//   agent is ready: she sees her position, the wallboard counts her);
// - the agent goes ready, takes the offer, they talk both ways, the agent
//   captures the complaint's fields and opens a complaint case with redress;
// - the customer leaves and answers the survey; the agent wraps up.
// The wallboard follows every step live (no reload), and the agent's
// personal panel ends with one contact handled and the customer's CSAT.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, tokenOf } from './lib/api.mjs';
import { axeViolations } from './lib/axe.mjs';
import { launchBrowser, noErrors, openPage, screenshot, signInWithForm } from './lib/browser.mjs';
import { acceptOffer, captureComplaint, openComplaintCase, stateIs } from './lib/desk.mjs';
import { fa as m } from './lib/messages.mjs';
import { startServer } from './lib/server.mjs';
import { strategyForTests } from './lib/strategy.mjs';

const SUPERVISOR = { username: 'nasrin', password: 'supervisor-pass-1', display_name: 'Nasrin Tehrani', role: 'supervisor' };
const AGENT = { username: 'sara', password: 'sara-e2e-password', display_name: 'Sara Ahmadi', role: 'agent' };
// Chat capacity 2 (and no voice): the desk lays out at most two panes.
const PROFILE = { skills: { sales: 3, after_sales: 3, complaints: 4 }, groups: ['frontline'], capacities: { chat: 2, voice: 0 } };
// A general web chat goes to the operator queue (routing `everything_else`).
const QUEUE = 'tr[data-queue="operator"]';
const ROW = `tr[data-agent="${AGENT.username}"]`;

let server;
let browser;
const opened = [];

async function open(path) {
  const p = await openPage(browser, server.url, { locale: 'fa' });
  opened.push(p);
  await p.page.goto(path);
  return p;
}

// Waits until the wallboard cell shows `text` (Persian digits), live.
async function cellShows(page, row, field, text) {
  await page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent.trim() === want, [`${row} [data-field="${field}"]`, text]);
}

// One picture of several screens side by side (each captioned), for the
// docs: laid out in a scratch page of `context` and photographed.
async function keyFrame(context, name, shots) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1920, height: 660 });
  const figures = shots
    .map(([caption, png]) => `<figure><figcaption>${caption}</figcaption><img alt="" src="data:image/png;base64,${png.toString('base64')}"></figure>`)
    .join('');
  await page.setContent(
    '<html dir="rtl"><body style="margin:0;display:flex;gap:8px;padding:8px;background:#444;font:16px sans-serif">' +
      `<style>figure{margin:0;flex:1}figcaption{color:#fff;padding:4px}img{width:100%;display:block}</style>${figures}</body></html>`,
  );
  await screenshot(page, name, { docs: true, fullPage: false });
  await page.close();
}

// Runs in the supervisor's page: every state the agent's row shows, in
// order, so short-lived ones (reserved while the offer rings) are not missed.
function recordStates(selector) {
  window.states_ = [];
  const look = () => {
    const s = document.querySelector(selector)?.getAttribute('data-state');
    if (s && s !== window.states_.at(-1)) window.states_.push(s);
  };
  look();
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

describe('a chat from start to finish, seen by the customer, the agent and the supervisor', () => {
  before(async () => {
    process.env.TAMAS_STRATEGY = strategyForTests({ chatSurvey: true });
    server = await startServer();
    browser = await launchBrowser();
    const admin = await tokenOf(server, server.admin);
    await api(server, admin, 'POST', '/api/v1/users', SUPERVISOR);
    const agent = await api(server, admin, 'POST', '/api/v1/users', AGENT);
    await api(server, admin, 'PUT', `/api/v1/users/${agent.id}/agent`, PROFILE);
  });

  after(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('customer, agent and wallboard together (fa)', async () => {
    // The supervisor opens the wallboard and keeps it open.
    const sup = await open('/#/supervisor');
    const board = sup.page;
    await signInWithForm(board, SUPERVISOR, m);
    await board.getByRole('heading', { level: 1, name: m['supervisor.title'] }).waitFor();
    await board.locator('[data-live="open"]').first().waitFor();
    assert.equal(await board.evaluate(() => document.dir), 'rtl');
    assert.equal(await board.$eval('.sup-table', (el) => getComputedStyle(el).direction), 'rtl');
    await cellShows(board, QUEUE, 'waiting', '۰');

    // The agent signs in through the form and logs in to the contact center.
    const ag = await open('/#/login');
    const desk = ag.page;
    await signInWithForm(desk, AGENT, m);
    await desk.getByRole('heading', { level: 1, name: m['agent.title'] }).waitFor();
    assert.equal(await desk.evaluate(() => document.dir), 'rtl');
    assert.equal(await desk.$eval('.agent-desk', (el) => getComputedStyle(el).direction), 'rtl');
    await desk.locator('[data-live="open"]').waitFor();
    // The panes follow the agent's own chat capacity (GET /api/v1/me): two
    // side by side at most, not the default four.
    await desk.locator('.agent-panes[data-max-panes="2"]').waitFor({ state: 'attached' });
    await desk.getByRole('button', { name: m['agent.action.login'] }).click();
    await stateIs(desk, 'not_ready');
    await board.locator(`${ROW} [data-state="not_ready"]`).waitFor();
    await board.evaluate(recordStates, `${ROW} [data-field="state"] [data-state]`);

    // The customer starts a chat on the website: nobody is ready, she waits
    // and sees her position; the wallboard counts her.
    const cu = await open('/widget-demo.html');
    const site = cu.page;
    await site.getByRole('button', { name: m['customer.widget.open'] }).click();
    const widget = site.getByRole('dialog');
    assert.equal(await widget.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await widget.getByLabel(m['customer.widget.name']).fill('مریم احمدی');
    await widget.getByLabel(m['customer.widget.phone']).fill('۰۹۱۲۳۴۵۶۷۸۹');
    await widget.getByRole('button', { name: m['customer.widget.start'] }).click();
    await widget.getByText(m['customer.widget.position'].replace('{position}', '۱'), { exact: false }).waitFor();
    await cellShows(board, QUEUE, 'waiting', '۱');
    await cellShows(board, QUEUE, 'answered', '۰');

    // The agent goes ready with the state control; the offer shows; Accept.
    await desk.getByRole('button', { name: m['agent.action.ready'], exact: true }).click();
    const contact = await acceptOffer(desk, m, server);
    const pane = desk.locator(`article[data-contact="${contact}"]`);
    await widget.getByText(m['customer.widget.joined'].replace('{agent}', AGENT.display_name)).waitFor();
    await cellShows(board, QUEUE, 'waiting', '۰');
    await cellShows(board, QUEUE, 'answered', '۱');
    await board.locator(`${ROW} [data-field="state"] [data-state="busy"]`).waitFor();
    // One chat, laid out in a grid of two columns (three would fit the width).
    const columns = await desk.$eval('.agent-panes', (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    assert.equal(columns, 2);

    // They talk, both ways.
    const box = widget.getByLabel(m['customer.widget.message']);
    await box.fill('سلام، موتور خودروی من صدای ضربه می‌دهد');
    await box.press('Enter');
    await pane.getByText('سلام، موتور خودروی من صدای ضربه می‌دهد').waitFor();
    await pane.getByLabel(m['agent.chat.reply']).fill('سلام، در خدمتم. شماره شاسی را بفرمایید.');
    await pane.getByLabel(m['agent.chat.reply']).press('Enter');
    await widget.locator('[data-from="agent"]', { hasText: 'شماره شاسی را بفرمایید' }).waitFor();
    await box.fill('NAAB1234567890123');
    await box.press('Enter');
    await pane.getByText('NAAB1234567890123').waitFor();

    // Mid-chat: all three screens pass axe; key frames of desk and wallboard.
    assert.deepEqual(await axeViolations(site), [], 'widget mid-chat');
    assert.deepEqual(await axeViolations(desk), [], 'desk mid-chat');
    assert.deepEqual(await axeViolations(board), [], 'wallboard mid-chat');
    await screenshot(site, 'journey-widget-fa');
    await desk.evaluate(() => window.scrollTo(0, 0));
    await screenshot(desk, 'journey-desk-fa');
    await screenshot(board, 'journey-wallboard-fa');
    await keyFrame(sup.context, 'journey-fa', [
      [m['agent.title'], await desk.screenshot()],
      [m['supervisor.title'], await board.screenshot()],
    ]);

    // The agent captures the complaint's required fields and opens a
    // complaint case with its redress.
    await captureComplaint(desk, contact, m, { vin: 'NAAB1234567890123', mobile: '09123456789' });
    await openComplaintCase(desk, m, 'صدای ضربه از موتور');

    // The customer leaves and answers the survey.
    await widget.getByRole('button', { name: m['customer.widget.leave'] }).click();
    await widget.getByRole('group', { name: 'از این گفتگو چقدر راضی بودید؟' }).waitFor();
    await widget.getByText('۴', { exact: true }).click();
    await widget.getByRole('button', { name: m['customer.widget.survey.submit'] }).click();
    await widget.getByText(m['customer.widget.survey.thanks']).waitFor();

    // The agent wraps up with a disposition and notes.
    await pane.getByTestId('wrapup-timer').waitFor();
    await board.locator(`${ROW} [data-field="state"] [data-state="wrap_up"]`).waitFor();
    await pane.getByLabel(m['agent.wrapup.disposition']).selectOption('case_opened');
    await pane.getByLabel(m['agent.wrapup.notes']).fill('پرونده شکایت ثبت شد');
    await pane.getByRole('button', { name: m['agent.wrapup.done'] }).click();
    await pane.waitFor({ state: 'detached' });

    // Ready again; the wallboard counts the handled chat, the personal panel
    // shows it with the CSAT she gave.
    await stateIs(desk, 'ready');
    await board.locator(`${ROW} [data-field="state"] [data-state="ready"]`).waitFor();
    await cellShows(board, ROW, 'handled', '۱');
    await desk.locator('[data-testid="figure-handled"]', { hasText: '۱' }).waitFor();
    await desk.locator('[data-testid="figure-csat"]', { hasText: '۴ (۱)' }).waitFor();
    // Not ready -> (ready) -> reserved while the offer rings -> busy ->
    // wrap-up -> ready. With a customer already waiting the server offers
    // her chat in the same step that makes the agent ready, so its feed goes
    // straight to reserved; a repaint may also fold reserved into busy.
    const states = await board.evaluate(() => window.states_);
    assert.match(states.join(' '), /^not_ready (ready )?(reserved )?busy wrap_up ready$/, `agent states on the wallboard: ${states.join(' ')}`);

    for (const p of [sup, ag, cu]) noErrors(p);
  });
});
