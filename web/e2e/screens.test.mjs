// End-to-end: the built front end served by the real tamas binary, driven in
// headless Chromium, in Persian and English. Run: npm run e2e (after
// building the server and `npm run build`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations } from './lib/axe.mjs';
import { launchBrowser, noErrors, openPage, screenshot } from './lib/browser.mjs';
import { en, fa, messages } from './lib/messages.mjs';
import { WEB_DIR, startServer } from './lib/server.mjs';

// The automotive example (examples/automotive/strategy.yaml) as the server's
// strategy::to_json compiles it.
const fixture = readFileSync(join(WEB_DIR, 'test/fixtures/automotive-compiled.json'), 'utf8');

let server;
let browser;
const opened = [];

// Signs the page's browser context in as the server's admin (session cookie).
async function signIn(page) {
  const status = await page.request
    .post('/api/v1/auth/login', { data: server.admin })
    .then((r) => r.status());
  assert.equal(status, 200, 'admin login failed');
}

async function open(locale, path) {
  const p = await openPage(browser, server.url, { locale });
  opened.push(p);
  await signIn(p.page);
  await p.page.goto(`/#${path}`);
  return p;
}

async function direction(page, selector) {
  return page.$eval(selector, (el) => getComputedStyle(el).direction);
}

describe('tamas web front end', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('starts in Persian, right to left, in the bundled Vazirmatn font', async () => {
    const p = await open('fa', '/');
    const { page } = p;
    await page.getByRole('heading', { level: 1, name: fa['home.title'] }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fa');
    assert.equal(await page.evaluate(() => document.dir), 'rtl');
    assert.equal(await direction(page, 'main'), 'rtl');
    // In RTL the brand sits at the right edge of the header.
    const brand = await page.locator('.brand').boundingBox();
    assert.ok(brand.x > 640, `brand at x=${brand.x} is not on the right`);
    await page.evaluate(() => document.fonts.ready);
    assert.ok(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'سلام')), 'Vazirmatn is not loaded');
    await screenshot(page, 'home-fa', { docs: true });
    noErrors(p);
  });

  it('switches to English, left to right, and remembers the choice', async () => {
    const p = await open('fa', '/');
    const { page } = p;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: en['home.title'] }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.evaluate(() => document.dir), 'ltr');
    assert.equal(await direction(page, 'main'), 'ltr');
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en['home.title'] }).waitFor();
    assert.equal(await page.evaluate(() => document.dir), 'ltr');
    await screenshot(page, 'home-en');
    noErrors(p);
  });

  for (const locale of ['fa', 'en']) {
    it(`shows the server's strategy (${locale})`, async () => {
      const p = await open(locale, '/admin/strategy');
      const { page } = p;
      const m = messages[locale];
      await page.getByRole('heading', { level: 1, name: m['strategy.title'] }).waitFor();
      await page.locator('[data-state="loaded"], [data-state="failed"]').waitFor();
      const served = await page.evaluate(async () => (await fetch('/api/v1/strategy')).json());
      const org = served.organisation ?? served.organization;
      const name = typeof org?.name === 'string' ? org.name : org?.name?.[locale] || org?.name?.fa || org?.name?.en;
      if (name) {
        assert.equal((await page.getByTestId('org-name').textContent()).trim(), name);
        assert.ok((await page.locator('table').count()) >= 1, 'no tables shown');
      } else {
        // Today's server may publish `{}`: the screen must say so plainly.
        await page.getByTestId('strategy-empty').waitFor();
        assert.equal((await page.getByTestId('strategy-empty').textContent()).trim(), m['strategy.empty']);
      }
      assert.equal(await page.evaluate(() => document.dir), locale === 'fa' ? 'rtl' : 'ltr');
      await screenshot(page, `strategy-server-${locale}`);
      noErrors(p);
    });

    it(`renders a complete strategy as tables (${locale}, fixture)`, async () => {
      const p = await openPage(browser, server.url, { locale });
      opened.push(p);
      const { page } = p;
      // Serve the fixture in place of the server's answer, to exercise every
      // section until the compiled strategy JSON is published by the server.
      await page.route('**/api/v1/strategy', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: fixture }),
      );
      await signIn(page);
      await page.goto('/#/admin/strategy');
      await page.getByTestId('org-name').waitFor();
      const m = messages[locale];
      assert.equal((await page.getByTestId('org-name').textContent()).trim(), locale === 'fa' ? 'گروه خودروسازی کویر' : 'Kavir Motor Group');
      for (const key of ['strategy.queues.title', 'strategy.routes.title', 'strategy.ivr.title', 'strategy.slo.title', 'strategy.entry.title', 'strategy.hours.title']) {
        await page.getByRole('region', { name: m[key] }).waitFor();
      }
      const queues = page.getByRole('region', { name: m['strategy.queues.title'] }).getByRole('table');
      assert.equal(await queues.getByRole('row').count(), 7); // header + 6 queues
      const cellText = await page.getByRole('region', { name: m['strategy.slo.title'] }).textContent();
      assert.ok(cellText.includes(locale === 'fa' ? '۸۰٪' : '80%'), cellText);
      assert.equal(await direction(page, 'table'), locale === 'fa' ? 'rtl' : 'ltr');
      await screenshot(page, `strategy-${locale}`, { docs: true });
      // The contents list moves focus to the chosen section's heading.
      await page.getByRole('navigation', { name: m['strategy.contents'] }).getByRole('button', { name: m['strategy.ivr.title'] }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'ivr-title');
      noErrors(p);
    });
  }

  it('shows the server health and version in the footer', async () => {
    const p = await open('en', '/');
    const { page } = p;
    await page.locator('[data-health="ok"]').waitFor();
    const version = await page.evaluate(async () => (await fetch('/version')).json());
    await page.locator(`[data-version="${version.version}"]`).waitFor();
    noErrors(p);
  });

  it('signs in: a wrong password is refused with a message, the right one opens the app', async () => {
    for (const locale of ['fa', 'en']) {
      const p = await openPage(browser, server.url, { locale });
      opened.push(p);
      const { page } = p;
      const m = messages[locale];
      // A screen that needs a login sends a signed-out user to the sign-in form.
      await page.goto('/#/admin/strategy');
      await page.getByRole('heading', { level: 1, name: m['login.title'] }).waitFor();
      assert.match(page.url(), /#\/login\?next=/);
      await page.getByLabel(m['login.username']).fill(server.admin.username);
      await page.getByLabel(m['login.password']).fill('not-the-password');
      await page.getByRole('button', { name: m['login.submit'] }).click();
      await page.getByRole('alert').filter({ hasText: m['login.invalid'] }).waitFor();
      await screenshot(page, `login-${locale}`, { docs: locale === 'fa' });
      await page.getByLabel(m['login.password']).fill(server.admin.password);
      await page.keyboard.press('Enter');
      // Back to the screen that asked for the login.
      await page.getByRole('heading', { level: 1, name: m['strategy.title'] }).waitFor();
      await page.getByText(m['nav.signedInAs'].replace('{name}', server.admin.username)).waitFor();
      // Signing out forgets the session: the screen asks for a login again.
      await page.getByRole('button', { name: m['nav.logout'] }).click();
      await page.getByRole('heading', { level: 1, name: m['login.title'] }).waitFor();
      await page.goto('/#/admin/strategy');
      await page.getByRole('heading', { level: 1, name: m['login.title'] }).waitFor();
      noErrors(p);
    }
  });

  it('works from the keyboard with a visible focus ring', async () => {
    const p = await open('fa', '/');
    const { page } = p;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // Reach the strategy link by tabbing through the header and follow it.
    await page.locator('.brand').focus();
    let focused = '';
    for (let i = 0; i < 5 && focused !== '#/admin/strategy'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
    }
    assert.equal(focused, '#/admin/strategy');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: fa['strategy.title'] }).waitFor();
    noErrors(p);
  });

  it('passes automated accessibility checks (axe-core, WCAG 2.1 AA) on every screen', async () => {
    for (const locale of ['fa', 'en']) {
      const p = await openPage(browser, server.url, { locale });
      opened.push(p);
      await p.page.route('**/api/v1/strategy', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: fixture }),
      );
      await signIn(p.page);
      await p.page.goto('/#/');
      await p.page.locator('[data-health="ok"]').waitFor();
      for (const path of ['/', '/login', '/admin/strategy', '/no/such/screen']) {
        await p.page.evaluate((h) => (location.hash = h), `#${path}`);
        await p.page.locator(`main[data-screen="${path === '/no/such/screen' ? 'not-found' : path}"] h1`).waitFor();
        if (path === '/admin/strategy') await p.page.getByTestId('org-name').waitFor();
        assert.deepEqual(await axeViolations(p.page), [], `${locale} ${path}`);
      }
      noErrors(p);
    }
  });

  it('tells the user when a page does not exist', async () => {
    const p = await open('en', '/no/such/screen');
    await p.page.getByRole('heading', { level: 1, name: en['notFound.title'] }).waitFor();
    noErrors(p);
  });
});
