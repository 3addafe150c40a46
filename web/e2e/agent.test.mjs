// End-to-end: the agent desktop against the real server. An admin creates
// an agent with skills; the agent signs in through the form, logs in to the
// contact center and goes ready; a customer chats over WS /api/v1/chat/ws
// (from a second browser context); the agent sees the offer at once,
// accepts with the keyboard, reads and replies, finds the customer, captures
// the complaint's required fields, opens a complaint case with redress,
// ends and wraps up with a disposition; the personal panel counts it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations } from './lib/axe.mjs';
import { launchBrowser, noErrors, openPage, screenshot, signInWithForm } from './lib/browser.mjs';
import { deskReport, fillComplaint, openComplaintCase, stateIs, waitForOffer } from './lib/desk.mjs';
import { en, fa } from './lib/messages.mjs';
import { startServer } from './lib/server.mjs';
import { strategyForTests } from './lib/strategy.mjs';

const AGENT = { username: 'sara', password: 'sara-e2e-password', display_name: 'Sara Ahmadi' };

let server;
let browser;
const opened = [];

async function adminApi(method, path, body) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(server.admin),
  }).then((r) => r.json());
  const r = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await r.json().catch(() => null);
  assert.ok(r.ok, `${method} ${path}: ${r.status} ${JSON.stringify(data)}`);
  return data;
}

// A customer in their own browser context, speaking the chat protocol.
async function customer(name, phone) {
  const p = await openPage(browser, server.url, { locale: 'fa' });
  opened.push(p);
  await p.page.goto('/health');
  await p.page.evaluate(
    ({ name, phone }) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/api/v1/chat/ws`);
        window.frames_ = [];
        window.chat_ = ws;
        ws.onmessage = (e) => window.frames_.push(JSON.parse(e.data));
        ws.onerror = reject;
        ws.onopen = () => {
          ws.send(JSON.stringify({ type: 'start', entry_point: 'web_chat', name, phone }));
          resolve();
        };
      }),
    { name, phone },
  );
  const frames = () => p.page.evaluate(() => window.frames_);
  return {
    page: p.page,
    say: (text) => p.page.evaluate((text) => window.chat_.send(JSON.stringify({ type: 'message', text })), text),
    frames,
    async waitFor(pred, what) {
      for (let i = 0; i < 100; i++) {
        const f = (await frames()).find(pred);
        if (f) return f;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.fail(`customer never got ${what}: ${JSON.stringify(await frames())}`);
    },
  };
}

// Records, inside the agent's page, when the offer event arrived on the
// WebSocket and when its card appeared in the document.
// It also keeps every live frame's seq, type and contact (window.liveFrames_)
// and the sockets' opening and closing, for deskReport on a failure.
function offerTimer() {
  const Native = window.WebSocket;
  window.offerTimes_ = {};
  window.liveFrames_ = [];
  const note = (f) => window.liveFrames_.push({ t: Math.round(performance.now()), ...f });
  window.WebSocket = class extends Native {
    constructor(...a) {
      super(...a);
      const url = String(a[0]).replace(/^.*\/api/, '/api');
      note({ socket: 'new', url });
      this.addEventListener('open', () => note({ socket: 'open', url }));
      this.addEventListener('close', (e) => note({ socket: 'close', url, code: e.code }));
      this.addEventListener('message', (e) => {
        try {
          const m = JSON.parse(e.data);
          note({ seq: m.seq, type: m.type, contact: m.data?.contact, state: m.data?.state ?? m.state });
          if (m.type === 'offer') window.offerTimes_[m.data.contact] = { event: performance.now() };
        } catch {}
      });
    }
  };
  // The desk's snapshots (GET /api/v1/agent, the login answer): when asked,
  // when answered, which offers they held.
  const fetch0 = window.fetch;
  window.fetch = async (input, init) => {
    const url = String(input?.url ?? input);
    if (!/\/api\/v1\/agent(\/login)?$/.test(url)) return fetch0(input, init);
    const asked = Math.round(performance.now());
    const r = await fetch0(input, init);
    r.clone()
      .json()
      .then((d) => note({ snapshot: url.replace(/^.*\/api/, '/api'), asked, status: r.status, state: d?.state, offers: d?.offers?.map((o) => o.contact) }))
      .catch(() => {});
    return r;
  };
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('[data-offer]')) {
      const t = window.offerTimes_[el.getAttribute('data-offer')];
      if (t && t.shown === undefined) {
        t.shown = performance.now();
        note({ shown: el.getAttribute('data-offer') });
      }
    }
  }).observe(document, { subtree: true, childList: true });
}

async function offerAndAccept(page, m) {
  const offer = await waitForOffer(page, server);
  const contact = await offer.getAttribute('data-offer');
  const times = await page.evaluate((c) => window.offerTimes_[c], contact);
  const explain = async (what) => `${what}\n--- what the desk knew:\n${await deskReport(page, server)}`;
  if (times?.event === undefined || times?.shown === undefined) assert.fail(await explain(`offer timing not recorded: ${JSON.stringify(times)}`));
  if (!(times.shown - times.event < 100)) assert.fail(await explain(`offer shown ${times.shown - times.event} ms after the event`));
  assert.match(await page.getByTestId('offer-countdown').textContent(), /\S/);
  // Keyboard only: the Accept button has the focus.
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(focused, m['agent.offer.accept']);
  await page.keyboard.press('Enter');
  await page.locator(`article[data-contact="${contact}"]`).waitFor();
  return contact;
}

describe('agent desktop', () => {
  before(async () => {
    process.env.TAMAS_STRATEGY = strategyForTests();
    server = await startServer();
    browser = await launchBrowser();
    const user = await adminApi('POST', '/api/v1/users', { ...AGENT, role: 'agent' });
    await adminApi('PUT', `/api/v1/users/${user.id}/agent`, {
      skills: { sales: 3, after_sales: 3, complaints: 4 },
      groups: ['frontline'],
      capacities: { chat: 3, voice: 1 },
    });
  });

  after(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('takes a chat from offer to wrap-up with a complaint case (fa, then en)', async () => {
    const p = await openPage(browser, server.url, { locale: 'fa' });
    opened.push(p);
    const { page } = p;
    await page.addInitScript(offerTimer);
    await page.goto('/#/login');
    await signInWithForm(page, AGENT, fa);
    await page.getByRole('heading', { level: 1, name: fa['agent.title'] }).waitFor();
    assert.equal(await page.evaluate(() => document.dir), 'rtl');
    assert.equal(await page.$eval('.agent-desk', (el) => getComputedStyle(el).direction), 'rtl');
    await page.locator('[data-live="open"]').waitFor();

    await page.getByRole('button', { name: fa['agent.action.login'] }).click();
    await stateIs(page, 'not_ready');
    await page.getByRole('button', { name: fa['agent.action.ready'], exact: true }).click();
    await stateIs(page, 'ready');

    const reza = await customer('رضا', '09121110000');
    const contact = await offerAndAccept(page, fa);
    const pane = page.locator(`article[data-contact="${contact}"]`);
    await reza.waitFor((f) => f.type === 'agent_joined', 'agent_joined');

    await reza.say('سلام، موتور خودروی من صدا می‌دهد');
    await pane.getByText('سلام، موتور خودروی من صدا می‌دهد').waitFor();
    await pane.getByLabel(fa['agent.chat.reply']).fill('سلام، در خدمتم. شماره شاسی را بفرمایید.');
    await pane.getByLabel(fa['agent.chat.reply']).press('Enter');
    await reza.waitFor((f) => f.type === 'message' && f.from === 'agent' && f.text.startsWith('سلام، در خدمتم'), 'the reply');
    await pane.locator('[data-from="agent"]').waitFor();

    // Screen pop: the customer found by phone.
    await page.getByLabel(fa['agent.customer.lookup']).fill('09121110000');
    await page.getByRole('button', { name: fa['agent.customer.find'] }).click();
    await page.getByTestId('customer-tier').waitFor();

    // The complaint's required fields, checked before the case opens.
    await page.getByLabel(fa['agent.fields.type']).selectOption('complaint');
    await page.getByRole('button', { name: fa['agent.case.open'] }).click();
    assert.equal((await page.getByTestId('case-message').textContent()).trim(), fa['agent.case.fieldsFirst']);
    await page.getByRole('button', { name: fa['agent.fields.check'] }).click();
    assert.ok((await page.locator('[aria-invalid="true"]').count()) >= 5, 'required fields not flagged');
    await fillComplaint(page, contact, { vin: 'NAAB12345', mobile: '09121110000' });
    await page.getByRole('button', { name: fa['agent.fields.check'] }).click();
    await page.locator(`#f-${contact}-vin-err`).waitFor();
    await page.locator(`#f-${contact}-vin`).fill('NAAB1234567890123');
    await page.getByRole('button', { name: fa['agent.fields.check'] }).click();
    await page.getByText(fa['agent.fields.ok']).waitFor();

    await openComplaintCase(page, fa, 'صدای موتور');

    assert.deepEqual(await axeViolations(page), []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'agent-desktop-fa', { docs: true });

    await pane.getByRole('button', { name: fa['agent.contact.end'], exact: true }).click();
    await pane.getByTestId('wrapup-timer').waitFor();
    await reza.waitFor((f) => f.type === 'ended', 'ended');
    await pane.getByLabel(fa['agent.wrapup.disposition']).selectOption('case_opened');
    await pane.getByLabel(fa['agent.wrapup.notes']).fill('پرونده شکایت ثبت شد');
    await pane.getByRole('button', { name: fa['agent.wrapup.done'] }).click();
    await pane.waitFor({ state: 'detached' });
    await page.locator('[data-testid="figure-handled"]', { hasText: '۱' }).waitFor();
    assert.equal(await page.getByTestId('figure-csat').textContent(), '—');
    // The customer answers the survey over the chat socket: stored, and the
    // agent's CSAT so far shows it.
    await reza.page.evaluate(() => window.chat_.send(JSON.stringify({ type: 'survey', answers: { csat: 4, nps: 9 } })));
    await reza.waitFor((f) => f.type === 'survey_saved', 'survey_saved');
    await page.locator('[data-testid="figure-csat"]', { hasText: '۴ (۱)' }).waitFor();
    // Capacity per channel (GET /api/v1/me): one chat slot of three is free again.
    await page.locator('[data-testid="capacity-chat"]', { hasText: '۰/۳' }).waitFor();

    // English: left to right, a second chat, the same desk.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: en['agent.title'] }).waitFor();
    assert.equal(await page.evaluate(() => document.dir), 'ltr');
    await stateIs(page, 'ready');
    const mina = await customer('Mina', '09123334444');
    const second = await offerAndAccept(page, en);
    await mina.say('Hello, where is the nearest dealer?');
    const pane2 = page.locator(`article[data-contact="${second}"]`);
    await pane2.getByText('Hello, where is the nearest dealer?').waitFor();
    await pane2.getByLabel(en['agent.chat.reply']).fill('Hello! Which city are you in?');
    await pane2.getByRole('button', { name: en['agent.chat.send'] }).click();
    await mina.waitFor((f) => f.type === 'message' && f.from === 'agent', 'the reply');
    assert.equal(await page.$eval('.agent-desk', (el) => getComputedStyle(el).direction), 'ltr');
    assert.deepEqual(await axeViolations(page), []);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'agent-desktop-en', { docs: true });
    await pane2.getByRole('button', { name: en['agent.contact.hold'] }).click();
    await mina.waitFor((f) => f.type === 'on_hold' || f.type === 'hold', 'hold');
    await pane2.getByRole('button', { name: en['agent.contact.resume'] }).click();
    // Resumed (the Hold button is back) before ending: otherwise the server
    // may take End first and refuse the Resume.
    await pane2.getByRole('button', { name: en['agent.contact.hold'] }).waitFor();
    await pane2.getByRole('button', { name: en['agent.contact.end'], exact: true }).click();
    await pane2.getByLabel(en['agent.wrapup.disposition']).selectOption('information_given');
    await pane2.getByRole('button', { name: en['agent.wrapup.done'] }).click();
    await pane2.waitFor({ state: 'detached' });
    await page.locator('[data-testid="figure-handled"]', { hasText: '2' }).waitFor();

    // Not ready with a reason, then out of the contact center.
    await page.getByLabel(en['agent.reason.label']).selectOption('lunch');
    await page.getByRole('button', { name: en['agent.action.notReady'] }).click();
    await page.locator('[data-testid="agent-state"][data-state="not_ready"]', { hasText: en['agent.reason.lunch'] }).waitFor();
    await page.getByRole('button', { name: en['agent.action.logout'] }).click();
    await stateIs(page, 'logged_out');
    noErrors(p);
  });
});
