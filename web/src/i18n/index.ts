// Messages and the current language. Every text the UI shows comes from
// the catalogs of catalog.ts (same keys in fa and en); `t` looks a key up in
// the current language and fills {placeholders}. Persian is the default. Changing the language
// updates <html lang dir> and notifies subscribers (the app re-renders).
import { en, fa } from './catalog';

export type Locale = 'fa' | 'en';
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['fa', 'en'];
export const DEFAULT_LOCALE: Locale = 'fa';
const STORAGE_KEY = 'tamas.locale';

const catalogs: Record<Locale, Record<string, string>> = { fa, en };
let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<(l: Locale) => void>();

export function isLocale(x: unknown): x is Locale {
  return x === 'fa' || x === 'en';
}

export function getLocale(): Locale {
  return current;
}

export function direction(l: Locale = current): 'rtl' | 'ltr' {
  return l === 'fa' ? 'rtl' : 'ltr';
}

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

// Looks `key` up in the current language (then English, then the key itself).
export function t(key: MessageKey, params?: Params): string {
  const text = catalogs[current][key] ?? catalogs.en[key] ?? key;
  return fill(text, params);
}

// For keys built at run time (enum labels): returns `fallback` when the key
// does not exist, so unknown server values still show.
export function tDynamic(key: string, fallback: string, params?: Params): string {
  const text = catalogs[current][key] ?? catalogs.en[key];
  return text === undefined ? fallback : fill(text, params);
}

export function hasMessage(key: string): boolean {
  return key in catalogs.en;
}

// Applies `lang` and `dir` to the document's root element.
export function applyToDocument(doc: Document, l: Locale = current): void {
  doc.documentElement.lang = l;
  doc.documentElement.dir = direction(l);
}

export function setLocale(l: Locale, storage?: Storage): void {
  current = l;
  try {
    storage?.setItem(STORAGE_KEY, l);
  } catch {
    // Storage may be disabled (private mode); the choice then lasts the page.
  }
  if (typeof document !== 'undefined') applyToDocument(document, l);
  for (const fn of listeners) fn(l);
}

// The language to start in: a stored choice, else Persian.
export function initialLocale(storage?: Storage): Locale {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // ignore unavailable storage
  }
  return DEFAULT_LOCALE;
}

export function subscribe(fn: (l: Locale) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export const messagesForTest = catalogs;
