import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleProblems, articleToForm, emptyArticleForm, formToArticle, parseTags, searchPath, textDir, type Article } from '../src/screens/admin/kb';
import { annotateSource, excerpt, pendingRestart, readProblems, shortChecksum, type StrategyVersion } from '../src/screens/admin/strategyVersions';
import { formToProfile, newUserProblems, profileProblems, profileToForm, userChanges, vocabularyFromStrategy } from '../src/screens/admin/users';

const compiled = JSON.parse(readFileSync(join(__dirname, 'fixtures/automotive-compiled.json'), 'utf8'));

describe('admin users: the strategy vocabulary and agent profiles', () => {
  it('names the strategy skills and agent groups in the chosen language', () => {
    const fa = vocabularyFromStrategy(compiled, 'fa');
    const en = vocabularyFromStrategy(compiled, 'en');
    expect(fa.skills.find((s) => s.id === 'warranty')?.name).toBe('گارانتی');
    expect(en.skills.find((s) => s.id === 'warranty')?.name).toBe('Warranty');
    expect(en.groups.map((g) => g.id)).toContain('complaint_desk');
    expect(vocabularyFromStrategy({}, 'fa')).toEqual({ skills: [], groups: [] });
    expect(vocabularyFromStrategy({ skills: [{ id: 'x' }] }, 'en').skills).toEqual([{ id: 'x', name: 'x' }]);
  });

  it('sends only skills the agent has, and capacities that were filled in', () => {
    const form = profileToForm({ skills: { sales: 3 }, groups: ['frontline'], capacities: { chat: 2 }, sip_uri: '' });
    form.skills.warranty = 5;
    form.skills.sales = 0; // "none" removes the skill
    form.capacities.voice = '';
    form.groups.push('frontline');
    expect(profileProblems(form)).toEqual({});
    expect(formToProfile(form)).toEqual({ skills: { warranty: 5 }, groups: ['frontline'], capacities: { chat: 2 }, sip_uri: '' });
  });

  it('refuses a capacity outside 0–50 and a SIP address without sip:', () => {
    const form = profileToForm(null);
    form.capacities.chat = '51';
    form.capacities.email = '1.5';
    form.sip_uri = 'agent@pbx';
    expect(profileProblems(form)).toEqual({ 'capacities.chat': 'capacity', 'capacities.email': 'capacity', sip_uri: 'sip' });
  });

  it('checks a new user before sending it', () => {
    expect(newUserProblems({ username: '', display_name: '', role: 'agent', password: 'long enough' })).toEqual({ username: 'required' });
    expect(newUserProblems({ username: 'a b', display_name: '', role: 'agent', password: 'short' })).toEqual({ username: 'spaces', password: 'short' });
    expect(newUserProblems({ username: 'sara', display_name: '', role: 'agent', password: 'long enough' })).toEqual({});
  });

  it('patches only what changed; an empty password keeps the old one', () => {
    const before = { id: 2, username: 'sara', display_name: 'Sara', role: 'agent', disabled: false, created_at: '' };
    expect(userChanges(before, { display_name: 'Sara', role: 'agent', disabled: false, password: '' })).toEqual({});
    expect(userChanges(before, { display_name: ' Sara K ', role: 'supervisor', disabled: true, password: 'new secret!' })).toEqual({
      display_name: 'Sara K',
      role: 'supervisor',
      disabled: true,
      password: 'new secret!',
    });
  });
});

describe('admin strategy versions: problems next to the source', () => {
  const source = 'organisation:\n  id: x\n  colour: blue\nqueues:\n  - id: q\n  - id: r\n  - id: s\n  - id: t\n  - id: u\n';

  it('reads the problems of a 422 answer, sorted, skipping anything malformed', () => {
    expect(readProblems([{ line: 9, column: 1, message: 'b' }, 'junk', { line: 3, column: 3, message: 'a' }, { message: 'c' }])).toEqual([
      { line: 1, column: 1, message: 'c' },
      { line: 3, column: 3, message: 'a' },
      { line: 9, column: 1, message: 'b' },
    ]);
    expect(readProblems(undefined)).toEqual([]);
  });

  it('numbers the lines and puts each problem on its line (past the end: the last line)', () => {
    const lines = annotateSource(source, [{ line: 3, column: 3, message: "unknown key 'colour'" }, { line: 99, column: 1, message: 'end' }]);
    expect(lines).toHaveLength(9);
    expect(lines[2]).toEqual({ n: 3, text: '  colour: blue', problems: [{ line: 3, column: 3, message: "unknown key 'colour'" }] });
    expect(lines[8].problems.map((p) => p.message)).toEqual(['end']);
    expect(annotateSource('a\r\nb', [])).toEqual([
      { n: 1, text: 'a', problems: [] },
      { n: 2, text: 'b', problems: [] },
    ]);
  });

  it('shows the lines around each problem and marks the gaps', () => {
    const lines = annotateSource(source, [{ line: 3, column: 3, message: 'x' }]);
    const shown = excerpt(lines, 1).map((l) => (l ? l.n : null));
    expect(shown).toEqual([null, 2, 3, 4, null]);
    expect(excerpt(annotateSource(source, []))).toHaveLength(9);
  });

  it('tells when the active version waits for a restart', () => {
    const v = (id: number, active: boolean, running: boolean): StrategyVersion => ({ id, version: '1', created_at: '', created_by: '', size: 1, checksum: '', active, running });
    expect(pendingRestart([v(2, true, false), v(1, false, true)])).toBe(true);
    expect(pendingRestart([v(1, true, true)])).toBe(false);
    expect(shortChecksum('sha256:9f86d081884c7d65')).toBe('9f86d081');
  });
});

describe('admin knowledge base: articles as forms', () => {
  const article: Article = {
    id: 7,
    lang: 'fa',
    category: 'گارانتی',
    visibility: 'public',
    title: 'تمدید گارانتی',
    body: 'متن',
    tags: ['گارانتی', 'تمدید'],
    types: [],
    version: 3,
    updated_at: '2026-11-22T10:00:00Z',
    archived: false,
  };

  it('round-trips an article, with Persian or Latin commas between tags', () => {
    const form = articleToForm(article);
    expect(form.tags).toBe('گارانتی، تمدید');
    expect(formToArticle(form, 3)).toEqual({ lang: 'fa', category: 'گارانتی', visibility: 'public', title: 'تمدید گارانتی', body: 'متن', tags: ['گارانتی', 'تمدید'], archived: false, version: 3 });
    expect(parseTags('a, b ،c,, a')).toEqual(['a', 'b', 'c']);
    expect('version' in formToArticle(emptyArticleForm())).toBe(false);
  });

  it('needs a title; Persian is edited right to left', () => {
    expect(articleProblems(emptyArticleForm())).toEqual({ title: 'required' });
    expect(textDir('fa')).toBe('rtl');
    expect(textDir('en')).toBe('ltr');
    expect(searchPath(' گارانتی ')).toBe(`/api/v1/kb/search?q=${encodeURIComponent('گارانتی')}&limit=20`);
  });
});

describe('admin: error details from the server', () => {
  it('keeps the per-line problems and per-field problems of a 422', async () => {
    const { getJson } = await import('../src/api/client');
    const body = { error: { status: 422, code: 'invalid_strategy', message: '1 error', fields: { yaml: 'is required' } }, problems: [{ line: 2, column: 1, message: 'x' }] };
    const fetch = async () => new Response(JSON.stringify(body), { status: 422 });
    const r = await getJson('/x', { fetch });
    expect(r).toEqual({ ok: false, status: 422, code: 'invalid_strategy', message: '1 error', details: { fields: { yaml: 'is required' }, problems: [{ line: 2, column: 1, message: 'x' }] } });
  });
});
