import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { en, fa, files } from '../src/i18n/catalog';
import { direction, getLocale, initialLocale, setLocale, t, tDynamic } from '../src/i18n';
import { memoryStorage } from './fixtures/memory-storage';

const SRC = join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message files', () => {
  it('have exactly the same keys in Persian and English', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
  });

  it('define each key in exactly one file per language', () => {
    const seen = new Map<string, string>();
    for (const [name, catalog] of Object.entries(files)) {
      const lang = name.endsWith('fa.json') ? 'fa' : 'en';
      for (const k of Object.keys(catalog)) {
        const where = seen.get(`${lang}:${k}`);
        expect(where, `${k} is in both ${where} and ${name}`).toBeUndefined();
        seen.set(`${lang}:${k}`, name);
      }
    }
  });

  it('have no empty messages', () => {
    for (const [k, v] of [...Object.entries(fa), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fa[k]), k).toEqual(placeholders(en[k]));
    }
  });

  it('are written in Persian in fa.json (acronyms such as CSAT aside)', () => {
    const latinOnly = Object.entries(fa).filter(([k, v]) => /[a-z]{3,}/.test(v.replace(/\{\w+\}/g, '')) && k !== 'lang.en');
    expect(latinOnly).toEqual([]);
  });
});

describe('components', () => {
  const files = sourceFiles(SRC);

  it('only use message keys that exist', () => {
    const missing: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt(?:Nodes)?\(\s*'([\w.]+)'/g)) if (!(m[1] in en)) missing.push(`${f}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('build run-time keys only for message groups that exist', () => {
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/tDynamic\(`([\w.]+)\.\$\{/g)) {
        expect(Object.keys(en).some((k) => k.startsWith(`${m[1]}.`)), `${f}: ${m[1]}`).toBe(true);
      }
    }
  });

  it('hold no hard-coded text: JSX text and labels come from the message files', () => {
    const offenders: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.tsx'))) {
      const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const m of src.matchAll(/>([^<>{};=()?'[\]]*[A-Za-z\u0600-\u06FF][^<>{};=()?'[\]]*)</g)) offenders.push(`${f}: ${m[1].trim()}`);
      for (const m of src.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*)"/g)) offenders.push(`${f}: ${m[1]}="${m[2]}"`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('language', () => {
  afterEach(() => setLocale('fa'));

  it('starts in Persian, right to left', () => {
    expect(initialLocale(memoryStorage())).toBe('fa');
    expect(direction('fa')).toBe('rtl');
    expect(direction('en')).toBe('ltr');
  });

  it('remembers the chosen language', () => {
    const storage = memoryStorage();
    setLocale('en', storage);
    expect(initialLocale(storage)).toBe('en');
    expect(getLocale()).toBe('en');
  });

  it('ignores a stored value that is not a language', () => {
    const storage = memoryStorage();
    storage.setItem('tamas.locale', 'de');
    expect(initialLocale(storage)).toBe('fa');
  });

  it('translates and fills placeholders', () => {
    setLocale('en');
    expect(t('strategy.routes.toQueue', { queue: 'sales' })).toBe('Queue sales');
    setLocale('fa');
    expect(t('strategy.routes.toQueue', { queue: 'sales' })).toBe('صف sales');
  });

  it('shows unknown server values as they are', () => {
    setLocale('en');
    expect(tDynamic('enum.channel.voice', 'voice')).toBe('Voice');
    expect(tDynamic('enum.channel.pigeon', 'pigeon')).toBe('pigeon');
  });
});
