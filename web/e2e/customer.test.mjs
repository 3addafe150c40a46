// End-to-end, the customer's side: the chat widget on a website (the demo
// host page), the public web form and the public case status page, against
// the real server. The agent is driven by the HTTP API from node.
// Run: TAMAS_BIN=... npm run e2e (after `npm run build`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { until } from './lib/api.mjs';
import { axeViolations } from './lib/axe.mjs';
import { launchBrowser, noErrors, openPage, screenshot } from './lib/browser.mjs';
import { messages } from './lib/messages.mjs';
import { startServer } from './lib/server.mjs';
import { strategyForTests } from './lib/strategy.mjs';

let server;
let browser;
let adminToken;
const opened = [];

async function api(method, path, body, token = adminToken) {
  const r = await fetch(server.url + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

async function loginAs(username, password) {
  const r = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(r.status, 200, `login ${username}`);
  return (await r.json()).token;
}

// An agent of the frontline group (the operator queue takes general chats).
async function createAgent(username) {
  const password = 'agent-e2e-password';
  const u = await api('POST', '/api/v1/users', { username, password, role: 'agent', display_name: username });
  assert.equal(u.status, 201, JSON.stringify(u.body));
  const p = await api('PUT', `/api/v1/users/${u.body.id}/agent`, { skills: { sales: 3 }, groups: ['frontline'], capacities: { chat: 3 } });
  assert.equal(p.status, 200, JSON.stringify(p.body));
  return loginAs(username, password);
}

async function open(locale, path) {
  const p = await openPage(browser, server.url, { locale });
  opened.push(p);
  await p.page.goto(path);
  return p;
}

describe('customer: widget, web form, case status', () => {
  before(async () => {
    process.env.TAMAS_STRATEGY = strategyForTests({ chatSurvey: true });
    server = await startServer();
    browser = await launchBrowser();
    adminToken = await loginAs(server.admin.username, server.admin.password);
  });

  after(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('a customer chats in Persian through the widget with an agent, then answers the survey', async () => {
    const m = messages.fa;
    const agent = await createAgent('sara');
    const p = await openPage(browser, server.url, { locale: 'fa' });
    opened.push(p);
    const { page } = p;
    // The chat socket goes through the test, which can cut it like a network drop.
    const sockets = [];
    await page.routeWebSocket(/\/api\/v1\/chat\/ws$/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto('/widget-demo.html');
    const launcher = page.getByRole('button', { name: m['customer.widget.open'] });
    await launcher.click();
    const panel = page.getByRole('dialog');
    assert.equal(await panel.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    // The host page's loud CSS (red, uppercase, Comic Sans) does not get in.
    const startButton = panel.getByRole('button', { name: m['customer.widget.start'] });
    assert.notEqual(await startButton.evaluate((el) => getComputedStyle(el).color), 'rgb(204, 0, 0)');
    // Client-side, as in the web forms: a name is needed, an e-mail must be one.
    await panel.getByLabel(m['customer.widget.email']).fill('maryam-at-example');
    await startButton.click();
    await panel.getByText(m['customer.widget.error.fields']).first().waitFor();
    await panel.getByText(m['customer.form.error.required']).waitFor();
    await panel.getByText(m['customer.form.error.email']).waitFor();
    assert.equal(await panel.locator('[aria-invalid="true"]').count(), 2, 'name and e-mail are marked');
    await screenshot(page, 'widget-start-errors-fa');
    assert.deepEqual(await axeViolations(page), [], 'widget start form with errors');
    await panel.getByLabel(m['customer.widget.email']).fill('');
    await panel.getByLabel(m['customer.widget.name']).fill('مریم احمدی');
    await panel.getByLabel(m['customer.widget.phone']).fill('۰۹۱۲۳۴۵۶۷۸۹');
    await startButton.click();
    // No agent is ready: the customer waits and sees her position.
    const position = m['customer.widget.position'].replace('{position}', '۱');
    await panel.getByText(position, { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'widget while waiting');
    await screenshot(page, 'widget-waiting-fa');

    assert.equal((await api('POST', '/api/v1/agent/login', undefined, agent)).status, 200);
    assert.equal((await api('POST', '/api/v1/agent/state', { state: 'ready' }, agent)).status, 200);
    const offer = await until('an offer to the agent', async () => (await api('GET', '/api/v1/agent', undefined, agent)).body.offers[0]);
    assert.equal((await api('POST', `/api/v1/agent/offers/${offer.contact}/accept`, undefined, agent)).status, 200);
    await panel.getByText(m['customer.widget.joined'].replace('{agent}', 'sara')).waitFor();

    const box = panel.getByLabel(m['customer.widget.message']);
    await box.fill('سلام، صدای موتور ماشینم زیاد شده');
    await box.press('Enter');
    await panel.locator('[data-from="customer"]', { hasText: 'صدای موتور' }).waitFor();
    const details = await until('the customer message at the agent', async () => {
      const d = await api('GET', `/api/v1/agent/contacts/${offer.contact}`, undefined, agent);
      return JSON.stringify(d.body).includes('صدای موتور') && d;
    });
    assert.ok(details);
    assert.equal((await api('POST', `/api/v1/agent/contacts/${offer.contact}/typing`, undefined, agent)).status, 200);
    await panel.getByText(m['customer.widget.typing']).waitFor();
    const reply = 'سلام، لطفاً شماره شاسی را بفرمایید';
    assert.equal((await api('POST', `/api/v1/agent/contacts/${offer.contact}/messages`, { text: reply }, agent)).status, 201);
    await panel.locator('[data-from="agent"]', { hasText: reply }).waitFor();
    await screenshot(page, 'widget-fa', { docs: true });
    assert.deepEqual(await axeViolations(page), [], 'widget in a chat');

    // The network drops: the widget reconnects, reads the transcript and
    // resumes; the conversation goes on both ways.
    await sockets.at(-1).close();
    await until('a second socket', async () => sockets.length === 2);
    await panel.getByText(m['customer.widget.reconnected']).waitFor();
    assert.equal(await panel.locator('[data-from="agent"]', { hasText: reply }).count(), 1, 'no message twice');
    const after = 'شماره شاسی NLAA1234567890123 است';
    await box.fill(after);
    await box.press('Enter');
    await until('the message after the drop at the agent', async () =>
      JSON.stringify((await api('GET', `/api/v1/agent/contacts/${offer.contact}`, undefined, agent)).body).includes('NLAA1234567890123'),
    );
    await api('POST', `/api/v1/agent/contacts/${offer.contact}/messages`, { text: 'ممنون، بررسی می‌کنم' }, agent);
    await panel.locator('[data-from="agent"]', { hasText: 'ممنون' }).waitFor();

    await panel.getByRole('button', { name: m['customer.widget.leave'] }).click();
    await panel.getByRole('group', { name: 'از این گفتگو چقدر راضی بودید؟' }).waitFor();
    const survey = page.waitForFunction(() => globalThis.__survey, null, { timeout: 5000 });
    await page.evaluate(() => addEventListener('tamas-survey', (e) => (globalThis.__survey = e.detail)));
    await panel.getByText('۵', { exact: true }).click();
    await panel.getByRole('button', { name: m['customer.widget.survey.submit'] }).click();
    await survey;
    const answers = await page.evaluate(() => globalThis.__survey);
    assert.deepEqual(answers.answers, { csat: 5 });
    await panel.getByText(m['customer.widget.survey.thanks']).waitFor();
    // The chat is on the customer's timeline (her phone found or made her
    // customer record).
    const who = await api('POST', '/api/v1/customers/resolve', { phone: '09123456789' });
    const timeline = await api('GET', `/api/v1/customers/${who.body.customer.id}/timeline`);
    assert.ok(JSON.stringify(timeline.body).includes('"channel":"chat"'), JSON.stringify(timeline.body));
    noErrors(p);
  });

  it('the widget speaks English left to right on an English page', async () => {
    const m = messages.en;
    const p = await openPage(browser, server.url, { locale: 'en' });
    opened.push(p);
    const { page } = p;
    const sockets = [];
    await page.routeWebSocket(/\/api\/v1\/chat\/ws$/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto('/widget-demo.html?lang=en');
    await page.getByRole('button', { name: m['customer.widget.open'] }).click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: 'Web chat' }).waitFor();
    assert.equal(await panel.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    await panel.getByLabel(m['customer.widget.name']).fill('John Smith');
    await panel.getByRole('button', { name: m['customer.widget.start'] }).click();
    await panel.getByText(m['customer.widget.position'].replace('{position}', '1'), { exact: false }).waitFor();
    // R43: a long estimated wait (over the chat service level's 60 s)
    // brings the offer of a web form instead.
    sockets.at(-1).send(JSON.stringify({ type: 'queue', position: 4, ewt_s: 600 }));
    await panel.getByText(m['customer.widget.longWait']).waitFor();
    const link = panel.getByRole('link', { name: m['customer.widget.webform'] });
    assert.match(await link.getAttribute('href'), /#\/forms\/voc_form$/);
    await screenshot(page, 'widget-en', { docs: true });
    assert.deepEqual(await axeViolations(page), []);
    await panel.getByRole('button', { name: m['customer.widget.keepWaiting'] }).click();
    await panel.getByText(m['customer.widget.longWait']).waitFor({ state: 'hidden' });
    await panel.getByRole('button', { name: m['customer.widget.leave'] }).click();
    await panel.getByText(m['customer.widget.ended.abandoned'], { exact: false }).waitFor();
    noErrors(p);
  });

  for (const locale of ['fa', 'en']) {
    it(`a web form validates in the browser, is routed by the server and confirms with a number (${locale})`, async () => {
      const m = messages[locale];
      const p = await open(locale, '/#/forms/voc_form');
      const { page } = p;
      await page.getByRole('heading', { level: 1, name: locale === 'fa' ? 'صدای مشتری' : 'Voice of the customer' }).waitFor();
      assert.equal(await page.evaluate(() => document.dir), locale === 'fa' ? 'rtl' : 'ltr');
      const before = (await api('GET', '/api/v1/queues')).body;
      await page.getByRole('button', { name: m['customer.form.submit'] }).click();
      // Every field has its label (the screen reader hears "(required)" too).
      await page.getByRole('textbox', { name: `${locale === 'fa' ? 'شماره شاسی' : 'VIN'} ${m['customer.form.required']}` }).waitFor();
      await page.getByRole('alert').filter({ hasText: m['customer.form.fixErrors'] }).waitFor();
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 5, 'five required fields are empty');
      await page.locator('#form-vin').fill('ABC');
      await page.locator('#form-vin').blur();
      await page.getByText(m['customer.form.error.vin']).waitFor();
      await screenshot(page, `form-errors-${locale}`);
      assert.deepEqual(await axeViolations(page), [], 'form with errors');
      await page.locator('#form-vehicle_model').selectOption('kavir_suv');
      await page.locator('#form-vin').fill('nlaa1234567890123');
      await page.locator('#form-mobile').fill(locale === 'fa' ? '۰۹۱۲۳۴۵۶۷۸۹' : '0912 345 6789');
      await page.locator('#form-province').selectOption('tehran');
      await page.locator('#form-description').fill(locale === 'fa' ? 'صدای غیرعادی موتور' : 'engine noise');
      await screenshot(page, `form-${locale}`, { docs: true });
      await page.getByRole('button', { name: m['customer.form.submit'] }).click();
      const reference = (await page.getByTestId('reference').textContent()).trim();
      assert.match(reference, /^I-\d+$/);
      await page.getByText(m['customer.form.done.title']).waitFor();
      await screenshot(page, `form-done-${locale}`);
      assert.deepEqual(await axeViolations(page), [], 'confirmation');
      // The server routed it: the written-contacts queue has one more waiting.
      const waiting = (qs, id) => (Array.isArray(qs) ? qs : qs.queues ?? []).find((q) => q.queue === id || q.id === id)?.waiting ?? 0;
      await until('the form in the written queue', async () => waiting((await api('GET', '/api/v1/queues')).body, 'written') > waiting(before, 'written'));
      noErrors(p);
    });
  }

  it('the status page finds a case with the right phone and refuses a wrong one', async () => {
    const m = messages.fa;
    const customer = await api('POST', '/api/v1/customers/resolve', { phone: '09121112233' });
    assert.ok([200, 201].includes(customer.status), JSON.stringify(customer.body));
    const opened = await api('POST', '/api/v1/cases', { kind: 'complaint', subject: 'noise', customer: customer.body.customer.id });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const number = `C-${String(opened.body.id).padStart(6, '0')}`;
    const p = await open('fa', '/#/status');
    const { page } = p;
    await page.getByRole('heading', { level: 1, name: m['customer.status.title'] }).waitFor();
    await page.getByLabel(m['customer.status.number']).fill(number);
    await page.getByLabel(m['customer.status.phone']).fill('09350000000');
    await page.getByRole('button', { name: m['customer.status.submit'] }).click();
    await page.getByRole('alert').filter({ hasText: m['customer.status.notFound'] }).waitFor();
    await page.getByLabel(m['customer.status.phone']).fill('۰۹۱۲ ۱۱۱ ۲۲۳۳');
    await page.getByRole('button', { name: m['customer.status.submit'] }).click();
    const result = page.getByTestId('case-status');
    await result.waitFor();
    const text = await result.textContent();
    assert.ok(text.includes(m['customer.state.new']), text);
    assert.ok(/[۰-۹]{4}/.test(text) && !/[0-9]{4}/.test(text), `Persian digits and a Jalali year: ${text}`);
    assert.ok(text.includes('۱۴۰۵'), `a Jalali date: ${text}`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'status-fa', { docs: true });
    noErrors(p);
  });
});
