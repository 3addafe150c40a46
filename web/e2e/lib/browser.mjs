// Headless Chromium (Debian's /usr/bin/chromium) through playwright-core; no
// browser is ever downloaded. Each test gets a fresh context (no shared
// storage), so language choices never leak between tests.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { WEB_DIR } from './server.mjs';

export const RESULTS_DIR = join(WEB_DIR, 'test-results');
export const DOCS_SCREENSHOTS = join(WEB_DIR, '..', 'docs', 'screenshots');

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// A page in a new context; collects page errors and console errors.
export async function openPage(browser, baseURL, { locale = 'fa' } = {}) {
  const context = await browser.newContext({
    baseURL,
    locale: locale === 'fa' ? 'fa-IR' : 'en-US',
    timezoneId: 'Asia/Tehran',
    viewport: { width: 1280, height: 800 },
  });
  if (locale !== 'fa') {
    await context.addInitScript((l) => {
      if (!localStorage.getItem('tamas.locale')) localStorage.setItem('tamas.locale', l);
    }, locale);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // The browser logs every 4xx/5xx fetch; API answers are the UI's to
    // handle (a 401 before signing in is normal), other files' are caught below.
    const url = m.location()?.url ?? '';
    if (m.text().startsWith('Failed to load resource') && url.includes('/api/')) return;
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location()?.url ?? ''}`.trim());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('/api/')) errors.push(`${r.status()} ${r.url()}`);
  });
  return { context, page, errors };
}

// Saves web/test-results/<name>.png; with TAMAS_SCREENSHOTS_TO_DOCS=1 also
// docs/screenshots/<name>.png (first screenful) for the key screens.
export async function screenshot(page, name, { docs = false, fullPage = true } = {}) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  if (docs && process.env.TAMAS_SCREENSHOTS_TO_DOCS === '1') {
    // The docs get the first screenful only, to keep the repository small.
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`), fullPage: false });
  }
  return file;
}

// Through the sign-in form, as a person would (the page shows it: the
// login route, or a guarded route that sent the visitor there).
export async function signInWithForm(page, user, m) {
  await page.getByRole('heading', { level: 1, name: m['login.title'] }).waitFor();
  await page.getByLabel(m['login.username']).fill(user.username);
  await page.getByLabel(m['login.password']).fill(user.password);
  await page.getByRole('button', { name: m['login.submit'] }).click();
}

// No page error, console error or failed file load while the test ran.
export function noErrors(p) {
  assert.deepEqual(p.errors, [], `errors in the browser console: ${p.errors.join('\n')}`);
}
