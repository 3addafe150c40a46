// End-to-end: the admin screens against the real server. An administrator
// signs in through the form, adds an agent with skills, groups and a
// capacity; uploads a broken strategy and sees each problem next to its
// line, then a good one that shows up in the history as active; creates and
// edits a Persian knowledge-base article. Persian and English, axe-clean,
// usable from the keyboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { axeViolations } from './lib/axe.mjs';
import { launchBrowser, noErrors, openPage, screenshot } from './lib/browser.mjs';
import { en, fa, messages } from './lib/messages.mjs';
import { startServer } from './lib/server.mjs';

let server;
let browser;
const opened = [];

// A new browser context signed in as the server's admin through the sign-in
// form (which keeps the CSRF token for the writes), then on `path`.
async function open(locale, path) {
  const p = await openPage(browser, server.url, { locale });
  opened.push(p);
  const { page } = p;
  const m = messages[locale];
  await page.goto(`/#/login?next=${path}`);
  await page.getByLabel(m['login.username']).fill(server.admin.username);
  await page.getByLabel(m['login.password']).fill(server.admin.password);
  await page.keyboard.press('Enter');
  await page.getByText(m['nav.signedInAs'].replace('{name}', server.admin.username)).waitFor();
  return p;
}

async function axeClean(page) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], violations.join('\n'));
}

// The example strategy with a new governance version (a valid upload).
function strategyText(version) {
  const text = readFileSync(server.config.strategy, 'utf8');
  return text.replace('version: "1405.1"', `version: "${version}"`);
}

describe('admin screens', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const p of opened) await p.context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('signs in through the form and adds an agent with skills, groups and a capacity (fa)', async () => {
    const p = await open('fa', '/');
    const { page } = p;
    await page.getByRole('link', { name: fa['admin.nav.users'] }).click();
    await page.getByRole('heading', { level: 1, name: fa['admin.users.title'] }).waitFor();
    await page.locator('[data-state="loaded"]').waitFor();
    assert.equal(await page.evaluate(() => document.dir), 'rtl');

    await page.getByLabel(fa['admin.users.username']).fill('reza.agent');
    await page.getByLabel(fa['admin.users.displayName']).fill('رضا کریمی');
    await page.getByLabel(fa['admin.users.role']).selectOption('agent');
    await page.getByLabel(fa['admin.users.password']).fill('short');
    await page.getByRole('button', { name: fa['admin.users.create'] }).click();
    await page.getByText(fa['admin.users.problem.short'].replace('{min}', '8')).waitFor();
    await page.getByLabel(fa['admin.users.password']).fill('a long enough password');
    await page.getByRole('button', { name: fa['admin.users.create'] }).click();

    // The new user's editor opens, with the strategy's skills in Persian.
    await page.getByRole('heading', { name: fa['admin.users.editTitle'].replace('{name}', 'reza.agent') }).waitFor();
    const profile = page.getByTestId('agent-profile');
    await profile.getByLabel('گارانتی').selectOption('4');
    await profile.getByLabel('رسیدگی به شکایات', { exact: true }).selectOption('2');
    await profile.getByLabel('واحد شکایات').check();
    await profile.getByLabel(fa['admin.channel.chat']).fill('2');
    await page.getByRole('button', { name: fa['admin.profile.save'] }).click();
    await page.getByRole('status').filter({ hasText: fa['admin.profile.saved'] }).waitFor();

    const saved = await page.evaluate(async () => {
      const users = (await (await fetch('/api/v1/users')).json()).users;
      const id = users.find((u) => u.username === 'reza.agent').id;
      return (await fetch(`/api/v1/users/${id}/agent`)).json();
    });
    assert.deepEqual(saved.skills, { warranty: 4, complaints: 2 });
    assert.deepEqual(saved.groups, ['complaint_desk']);
    assert.deepEqual(saved.capacities, { chat: 2 });
    assert.ok(await page.getByRole('cell', { name: 'رضا کریمی' }).isVisible());
    await screenshot(page, 'admin-users-fa', { docs: true });
    await axeClean(page);
    noErrors(p);
  });

  it('adds a user from the keyboard alone, promotes her, and shows the list in English', async () => {
    const p = await open('en', '/admin/users');
    const { page } = p;
    await page.locator('[data-state="loaded"]').waitFor();
    await page.getByLabel(en['admin.users.username']).focus();
    await page.keyboard.type('mina.super');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Mina');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-role');
    await page.keyboard.press('Tab');
    await page.keyboard.type('another long password');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: en['admin.users.editTitle'].replace('{name}', 'mina.super') }).waitFor();
    assert.equal(await page.evaluate(() => document.dir), 'ltr');
    assert.ok(await page.getByRole('cell', { name: 'Mina', exact: true }).isVisible());
    // Promote her and reset her password (PATCH: only what changed).
    await page.locator('#edit-role').selectOption('supervisor');
    await page.getByLabel(en['admin.users.newPassword']).fill('a fresh long password');
    await page.getByRole('button', { name: en['admin.users.saveAccount'] }).click();
    await page.getByRole('status').filter({ hasText: en['admin.users.saved'] }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'mina.super' });
    await row.getByRole('cell', { name: en['admin.role.supervisor'] }).waitFor();
    await screenshot(page, 'admin-users-en', { docs: true });
    await axeClean(page);
    noErrors(p);
  });

  it('refuses a broken strategy with each problem beside its line, then stores a good one as active (fa)', async () => {
    const p = await open('fa', '/admin/strategy-versions');
    const { page } = p;
    await page.getByRole('heading', { level: 1, name: fa['admin.versions.title'] }).waitFor();
    await page.locator('[data-state="loaded"]').waitFor();
    await page.getByTestId('active-version').waitFor();

    const broken = strategyText('1405.2').replace('  time_zone: Asia/Tehran', '  time_zone: Asia/Tehran\n  colour: blue');
    const badLine = broken.split('\n').findIndex((l) => l.includes('colour: blue')) + 1;
    await page.getByLabel(fa['admin.versions.text']).fill(broken);
    await page.getByRole('button', { name: fa['admin.versions.upload'] }).click();
    await page.getByTestId('upload-problems').waitFor();
    await page.getByRole('alert').waitFor();
    const bad = page.locator(`[data-testid="source"] li.bad[data-line="${badLine}"]`);
    await bad.waitFor();
    assert.match(await bad.textContent(), /colour/);
    assert.ok((await bad.locator('.ln').textContent()).length > 0);
    await page.getByTestId('upload-problems').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-strategy-upload-fa', { docs: true });
    await axeClean(page);

    // A good file, chosen with the file input.
    await page.getByLabel(fa['admin.versions.file']).setInputFiles({ name: 'strategy.yaml', mimeType: 'application/yaml', buffer: Buffer.from(strategyText('1405.3')) });
    await page.waitForFunction(() => document.querySelector('#strategy-text')?.value.includes('1405.3'));
    await page.getByRole('button', { name: fa['admin.versions.upload'] }).click();
    await page.getByTestId('upload-stored').waitFor();
    await page.getByTestId('pending-restart').waitFor();
    const history = page.getByRole('region', { name: fa['admin.versions.history'] });
    const first = history.getByRole('row').nth(1);
    await first.getByText('1405.3').waitFor();
    await first.getByText(fa['admin.versions.active']).waitFor();
    assert.match(await page.getByTestId('active-version').textContent(), /1405\.3/);

    // A past version's source.
    await history.getByRole('row').nth(2).getByRole('button').click();
    const source = page.getByRole('region', { name: /۱/ }).getByTestId('source');
    await source.waitFor();
    assert.match(await source.textContent(), /1405\.1/);
    await axeClean(page);
    noErrors(p);
  });

  it('creates and edits a Persian knowledge-base article, right to left, with its versions', async () => {
    const p = await open('fa', '/admin/kb');
    const { page } = p;
    await page.getByRole('heading', { level: 1, name: fa['admin.kb.title'] }).waitFor();
    await page.getByRole('button', { name: fa['admin.kb.new'] }).click();
    const title = page.getByLabel(fa['admin.kb.articleTitle']);
    await title.fill('تمدید گارانتی خودرو');
    assert.equal(await title.getAttribute('dir'), 'rtl');
    assert.equal(await title.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await page.getByLabel(fa['admin.kb.category']).fill('گارانتی');
    await page.getByLabel(fa['admin.kb.body']).fill('برای تمدید گارانتی کارت خودرو لازم است.');
    await page.getByRole('button', { name: fa['admin.kb.create'] }).click();
    await page.getByTestId('kb-saved').filter({ hasText: fa['admin.kb.saved'].replace('{version}', '۱') }).waitFor();

    await page.getByLabel(fa['admin.kb.body']).fill('برای تمدید گارانتی کارت خودرو و کارت ملی لازم است.');
    await page.getByRole('button', { name: fa['admin.kb.save'] }).click();
    await page.getByTestId('kb-saved').filter({ hasText: fa['admin.kb.saved'].replace('{version}', '۲') }).waitFor();
    const versions = page.getByRole('region', { name: fa['admin.kb.versions'] }).getByRole('row');
    await versions.nth(2).waitFor();
    assert.equal(await versions.count(), 3); // header + two versions

    await page.getByLabel(fa['admin.kb.query']).fill('گارانتی');
    await page.getByRole('button', { name: fa['admin.kb.search'], exact: true }).click();
    await page.getByRole('region', { name: fa['admin.kb.searchTitle'] }).getByRole('cell', { name: 'تمدید گارانتی خودرو' }).waitFor();
    await screenshot(page, 'admin-kb-fa');
    await axeClean(page);
    noErrors(p);
  });

  it('shows the strategy versions and knowledge base in English, left to right', async () => {
    for (const [path, key] of [
      ['/admin/strategy-versions', 'admin.versions.title'],
      ['/admin/kb', 'admin.kb.title'],
    ]) {
      const p = await open('en', path);
      const { page } = p;
      await page.getByRole('heading', { level: 1, name: messages.en[key] }).waitFor();
      assert.equal(await page.evaluate(() => document.dir), 'ltr');
      await screenshot(page, `${path.split('/').pop()}-en`);
      await axeClean(page);
      noErrors(p);
    }
  });
});
