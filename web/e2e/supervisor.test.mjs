// End-to-end: the supervisor wallboard and the back-office inbox against the
// real server. An admin sets people up through the API; the supervisor and
// the back-office user sign in through the form; the agent and the customer
// act through the API (as the agent desktop and a web form would), and the
// wallboard must follow live, without a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations } from './lib/axe.mjs';
import { api as apiOf, tokenOf as tokenFor } from './lib/api.mjs';
import { launchBrowser, noErrors, openPage, screenshot, signInWithForm } from './lib/browser.mjs';
import { messages } from './lib/messages.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
let adminToken;
const opened = [];

const SUPERVISOR = { username: 'sara', password: 'supervisor-pass-1', display_name: 'Sara Rahimi', role: 'supervisor' };
const AGENT = { username: 'ali', password: 'agent-pass-12345', display_name: 'Ali Karimi', role: 'agent' };
const BACKOFFICE = { username: 'bita', password: 'backoffice-pass-1', display_name: 'Bita Ahmadi', role: 'backoffice' };
// A frontline agent (examples/automotive/strategy.yaml, group frontline):
// no `writing` skill, so web forms wait in the `written` queue.
const FRONTLINE = { skills: { sales: 3, after_sales: 3, documents: 3, warranty: 2 }, groups: ['frontline'], capacities: { chat: 3, voice: 1 } };
const WRITER = { username: 'reza', password: 'agent-pass-67890', display_name: 'Reza Moradi', role: 'agent' };
const WRITING = { skills: { writing: 4, documents: 4, sales: 2 }, groups: ['back_office'], capacities: { chat: 3, voice: 1, webform: 2 } };
const VOC_FORM = { fields: { vehicle_model: 'kavir_suv', vin: 'NLAA1234567890123', mobile: '09123456789', province: 'tehran', description: 'engine noise' } };

// The API as `token` (null: none), on this file's server.
const api = (token, method, path, body) => apiOf(server, token, method, path, body);
const tokenOf = (user) => tokenFor(server, user);

async function createUser(user) {
  const { username, password, display_name, role } = user;
  return api(adminToken, 'POST', '/api/v1/users', { username, password, display_name, role });
}

async function open(locale, opts = {}) {
  const p = await openPage(browser, server.url, { locale });
  if (opts.viewport) await p.page.setViewportSize(opts.viewport);
  opened.push(p);
  return p;
}

async function signInWithCookie(page, user) {
  const r = await page.request.post('/api/v1/auth/login', { data: { username: user.username, password: user.password } });
  assert.equal(r.status(), 200);
  // The CSRF token lives in the tab's sessionStorage (session.ts).
  const { csrf_token: csrf } = await r.json();
  await page.addInitScript((c) => sessionStorage.setItem('tamas.csrf', c), csrf);
}

const cell = (page, row, field) => page.locator(`${row} [data-field="${field}"]`);

describe('supervisor wallboard and back-office inbox', () => {
  let agentToken;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminToken = await tokenOf(server.admin);
    await createUser(SUPERVISOR);
    const agent = await createUser(AGENT);
    await api(adminToken, 'PUT', `/api/v1/users/${agent.id}/agent`, FRONTLINE);
    const bo = await createUser(BACKOFFICE);
    await api(adminToken, 'POST', '/api/v1/departments/quality/members', { user: bo.id });
    agentToken = await tokenOf(AGENT);
  });

  after(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('follows agents and queues live and lets the supervisor force an agent not ready (fa)', async () => {
    const p = await open('fa');
    const { page } = p;
    const m = messages.fa;
    await page.goto('/#/supervisor');
    await signInWithForm(page, SUPERVISOR, m);
    await page.getByRole('heading', { level: 1, name: m['supervisor.title'] }).waitFor();
    await page.locator('[data-live="open"]').first().waitFor();
    const queues = page.getByRole('region', { name: m['supervisor.queues.title'] });
    assert.equal(await queues.locator('tbody tr').count(), 6);
    await queues.getByRole('rowheader', { name: 'مکاتبات' }).waitFor();
    assert.equal(await page.evaluate(() => document.dir), 'rtl');
    assert.equal(await page.$eval('.sup-table', (el) => getComputedStyle(el).direction), 'rtl');

    // The agent logs in and goes ready (as the agent desktop does): shown live.
    await api(agentToken, 'POST', '/api/v1/agent/login');
    await page.locator('tr[data-agent="ali"] [data-state="not_ready"]').waitFor();
    await api(agentToken, 'POST', '/api/v1/agent/state', { state: 'ready' });
    await page.locator('tr[data-agent="ali"] [data-state="ready"]').waitFor();

    // A customer's web form waits in the written queue: the count rises live
    // and the longest wait ticks.
    const written = 'tr[data-queue="written"]';
    assert.equal((await cell(page, written, 'waiting').textContent()).trim(), '۰');
    await api(null, 'POST', '/api/v1/forms/voc_form', VOC_FORM);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.trim() === '۱', `${written} [data-field="waiting"]`);
    const wait1 = await cell(page, written, 'longest').textContent();
    await page.waitForFunction(
      ([sel, before]) => document.querySelector(sel)?.textContent !== before,
      [`${written} [data-field="longest"]`, wait1],
      { timeout: 5000 },
    );
    assert.match(await cell(page, written, 'longest').textContent(), /^[۰-۹]+:[۰-۹]{2}$/);
    assert.match(await cell(page, written, 'offered').textContent(), /۱/);

    // Keyboard: the action opens a confirmation; Escape cancels and focus
    // returns to the button.
    const force = page.locator('tr[data-agent="ali"] button[data-change="not_ready"]');
    await force.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: m['supervisor.change.title'] });
    await dialog.waitFor();
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('dialog')), 'focus is not in the dialog');
    assert.deepEqual(await axeViolations(page), [], 'dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.change), 'not_ready');
    await page.locator('tr[data-agent="ali"] [data-state="ready"]').waitFor();

    // Confirmed with the keyboard: a reason, then Enter.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.getByLabel(m['supervisor.change.reason']).fill('training');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('tr[data-agent="ali"] [data-state="not_ready"]').waitFor();
    assert.equal((await cell(page, 'tr[data-agent="ali"]', 'reason').textContent()).trim(), m['supervisor.reason.training']);
    const agents = await api(adminToken, 'GET', '/api/v1/agents');
    assert.equal(agents.find((a) => a.agent === 'ali').state, 'not_ready');
    await page.getByTestId('change-result').filter({ hasText: 'ali' }).waitFor();

    await screenshot(page, 'wallboard-fa', { docs: true });
    assert.deepEqual(await axeViolations(page), []);
    noErrors(p);
  });

  it('shows the same in English, left to right', async () => {
    const p = await open('en');
    const { page } = p;
    const m = messages.en;
    await signInWithCookie(page, SUPERVISOR);
    // Pass the feed through the test, to cut it and watch the reconnect.
    const sockets = [];
    await page.routeWebSocket(/\/api\/v1\/supervisor\/ws/, (ws) => {
      sockets.push(ws);
      ws.connectToServer();
    });
    await page.goto('/#/supervisor');
    await page.getByRole('heading', { level: 1, name: m['supervisor.title'] }).waitFor();
    await page.locator('[data-live="open"]').first().waitFor();
    await page.locator('tr[data-queue="written"]').getByRole('rowheader', { name: 'Written contacts' }).waitFor();
    assert.doesNotMatch(sockets[0].url(), /since=/);
    await sockets[0].close();
    for (let i = 0; i < 100 && sockets.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(sockets.length, 2, 'no reconnect');
    assert.match(sockets[1].url(), /since=\d+/);
    await page.locator('[data-live="open"]').first().waitFor();
    await page.locator('tr[data-agent="ali"] [data-state="not_ready"]').waitFor();
    assert.equal((await cell(page, 'tr[data-queue="written"]', 'waiting').textContent()).trim(), '1');
    assert.equal(await page.evaluate(() => document.dir), 'ltr');
    assert.equal(await page.$eval('.sup-table', (el) => getComputedStyle(el).direction), 'ltr');
    // Colour is never alone: the status has words.
    const sl = await cell(page, 'tr[data-queue="written"]', 'sl').textContent();
    assert.ok(sl.includes(m['supervisor.sl.none']), sl);
    // The supervisor brings the agent back: the big screen will show it ready.
    await page.locator('tr[data-agent="ali"] button[data-change="ready"]').click();
    await page.getByRole('dialog').getByRole('button', { name: m['supervisor.change.confirm.ready'] }).click();
    await page.locator('tr[data-agent="ali"] [data-state="ready"]').waitFor();
    await screenshot(page, 'wallboard-en', { docs: true });
    assert.deepEqual(await axeViolations(page), []);
    noErrors(p);
  });

  it('fills a 1920x1080 screen in big-screen mode, without navigation', async () => {
    const p = await open('fa', { viewport: { width: 1920, height: 1080 } });
    const { page } = p;
    const m = messages.fa;
    await signInWithCookie(page, SUPERVISOR);
    await page.goto('/#/supervisor');
    await page.getByRole('link', { name: m['supervisor.bigScreen'] }).click();
    await page.getByRole('heading', { level: 1, name: m['wallboard.title'] }).waitFor();
    await page.locator('[data-live="open"]').waitFor();
    assert.equal(await page.locator('.app-header').isVisible(), false);
    assert.equal(await page.locator('.app-footer').isVisible(), false);
    assert.equal(await page.locator('.wb-tile').count(), 6);
    await page.locator('.wallboard li[data-agent="ali"] [data-state="ready"]').waitFor();
    assert.match(await page.getByTestId('wb-total-waiting').textContent(), /۱/);
    // Another form: the big screen counts it live too.
    await api(null, 'POST', '/api/v1/forms/voc_form', VOC_FORM);
    await page.waitForFunction(() => document.querySelector('.wb-tile[data-queue="written"] [data-field="waiting"] .wb-number')?.textContent === '۲');
    // A back-office agent (writing skill) answers both: the queue's service
    // level now has a value, a colour, an icon and words.
    const reza = await createUser(WRITER);
    await api(adminToken, 'PUT', `/api/v1/users/${reza.id}/agent`, WRITING);
    const rezaToken = await tokenOf(WRITER);
    await api(rezaToken, 'POST', '/api/v1/agent/login');
    await api(rezaToken, 'POST', '/api/v1/agent/state', { state: 'ready' });
    let offers = [];
    for (let i = 0; i < 50 && offers.length < 2; i++) {
      offers = (await api(rezaToken, 'GET', '/api/v1/agent')).offers;
      if (offers.length < 2) await new Promise((r) => setTimeout(r, 200));
    }
    for (const o of offers) await api(rezaToken, 'POST', `/api/v1/agent/offers/${o.contact}/accept`);
    const sl = page.locator('.wb-tile[data-queue="written"] [data-sl]');
    await page.locator('.wb-tile[data-queue="written"] [data-sl]:not([data-sl="none"])').waitFor();
    const status = await sl.getAttribute('data-sl');
    assert.ok((await sl.textContent()).includes(m[`supervisor.sl.${status}`]));
    await page.locator('.wallboard li[data-agent="reza"] [data-state="busy"]').waitFor();
    const size = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth }));
    assert.ok(size.h <= 1080 && size.w <= 1920, `does not fit: ${JSON.stringify(size)}`);
    await screenshot(page, 'wallboard-big', { docs: true, fullPage: false });
    assert.deepEqual(await axeViolations(page), []);
    // Leaving the big screen brings the header back.
    await page.getByRole('link', { name: m['wallboard.exit'] }).click();
    await page.getByRole('heading', { level: 1, name: m['supervisor.title'] }).waitFor();
    assert.equal(await page.locator('.app-header').isVisible(), true);
    noErrors(p);
  });

  it('lets the back-office member answer a forwarded case and return it (fa)', async () => {
    const c1 = await api(adminToken, 'POST', '/api/v1/cases', { kind: 'complaint', category: 'complaint/product_quality', subject: 'صدای موتور پس از سرویس', description: 'مشتری پس از سرویس ده‌هزار کیلومتری صدای ضربه از موتور می‌شنود.' });
    const f1 = await api(adminToken, 'POST', `/api/v1/cases/${c1.id}/forward`, { department: 'quality', task: 'گزارش کارگاه را بررسی و اعلام نظر کنید.' });
    const c2 = await api(adminToken, 'POST', '/api/v1/cases', { kind: 'request', subject: 'استعلام قطعه' });
    // Due in two seconds: overdue by the time the inbox opens.
    await api(adminToken, 'POST', `/api/v1/cases/${c2.id}/forward`, { department: 'quality', task: 'موجودی قطعه را اعلام کنید.', due: new Date(Date.now() + 2000).toISOString() });
    await new Promise((r) => setTimeout(r, 2500));

    const p = await open('fa');
    const { page } = p;
    const m = messages.fa;
    await page.goto('/#/backoffice');
    await signInWithForm(page, BACKOFFICE, m);
    await page.getByRole('heading', { level: 1, name: m['backoffice.title'] }).waitFor();
    await page.getByTestId('bo-department').filter({ hasText: 'کیفیت' }).waitFor();
    const rows = page.locator('tbody tr[data-case]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    // The overdue case comes first, marked with words, not colour alone.
    assert.equal(await rows.first().getAttribute('data-case'), String(c2.id));
    assert.equal((await rows.first().locator('[data-due]').textContent()).trim().endsWith(m['backoffice.due.overdue']), true);
    // Due dates in the Jalali calendar with Persian digits (1405 = 2026/27).
    const due = await page.locator(`tr[data-case="${c1.id}"] [data-field="due"]`).textContent();
    assert.match(due, /۱۴۰۵/);
    assert.equal(await page.evaluate(() => document.dir), 'rtl');
    assert.deepEqual(await axeViolations(page), []);

    // Open the case from the keyboard; focus goes to its heading.
    await page.locator(`tr[data-case="${c1.id}"] button`).focus();
    await page.keyboard.press('Enter');
    const detail = page.locator(`[data-case-detail="${c1.id}"]`);
    await detail.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'case-title');
    await detail.locator('dd').filter({ hasText: 'گزارش کارگاه' }).waitFor();
    await screenshot(page, 'backoffice-fa', { docs: true });

    await page.getByLabel(m['backoffice.case.noteLabel']).fill('با کارگاه تماس گرفته شد.');
    await page.getByRole('button', { name: m['backoffice.case.noteSubmit'] }).click();
    await page.getByTestId('case-message').filter({ hasText: m['backoffice.case.noted'] }).waitFor();
    await page.getByLabel(m['backoffice.case.answerLabel']).fill('انژکتور در قالب گارانتی تعویض شد.');
    await page.getByRole('button', { name: m['backoffice.case.answerSubmit'] }).click();
    await page.getByTestId('case-message').filter({ hasText: m['backoffice.case.answered'] }).waitFor();
    await detail.locator('[data-field="state"]').filter({ hasText: m['backoffice.caseState.in_progress'] }).waitFor();
    // Returned: the inbox keeps only the other case.
    await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-case]').length === 1);

    const back = await api(adminToken, 'GET', `/api/v1/cases/${c1.id}`);
    assert.equal(back.state, 'in_progress');
    const fw = back.forwards.find((f) => f.id === f1.id);
    assert.equal(fw.answer, 'انژکتور در قالب گارانتی تعویض شد.');
    assert.ok(back.events.some((e) => e.kind === 'note' && e.note === 'با کارگاه تماس گرفته شد.'));
    noErrors(p);
  });

  it('shows the inbox in English with Gregorian dates', async () => {
    const p = await open('en');
    const { page } = p;
    const m = messages.en;
    await signInWithCookie(page, BACKOFFICE);
    await page.goto('/#/backoffice');
    await page.getByRole('heading', { level: 1, name: m['backoffice.title'] }).waitFor();
    const row = page.locator('tbody tr[data-case]').first();
    await row.waitFor();
    assert.match(await row.locator('[data-field="due"]').textContent(), /2026/);
    await row.getByRole('button').click();
    await page.locator('[data-case-detail]').getByRole('heading', { level: 2 }).waitFor();
    // An empty answer is refused with a message next to the field.
    await page.getByRole('button', { name: m['backoffice.case.answerSubmit'] }).click();
    await page.getByText(m['backoffice.required']).waitFor();
    assert.equal(await page.evaluate(() => document.dir), 'ltr');
    await screenshot(page, 'backoffice-en', { docs: true });
    assert.deepEqual(await axeViolations(page), []);
    noErrors(p);
  });
});
