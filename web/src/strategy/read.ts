// Tolerant readers over untyped JSON. The strategy JSON is produced by the
// server and may grow or rename fields; these helpers never throw and accept
// both snake_case and camelCase keys.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Obj = Record<string, unknown>;

export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

// The first present value among `keys` (each also tried in camelCase).
export function pick(o: unknown, ...keys: string[]): unknown {
  if (!isObj(o)) return undefined;
  for (const k of keys) {
    if (o[k] !== undefined && o[k] !== null) return o[k];
    const c = camel(k);
    if (o[c] !== undefined && o[c] !== null) return o[c];
  }
  return undefined;
}

export function str(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return '';
}

export function num(x: unknown): number | undefined {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) return Number(x);
  return undefined;
}

export function bool(x: unknown): boolean | undefined {
  if (typeof x === 'boolean') return x;
  if (x === 'true' || x === 'yes') return true;
  if (x === 'false' || x === 'no') return false;
  return undefined;
}

export function strings(x: unknown): string[] {
  if (Array.isArray(x)) return x.map(str).filter((s) => s !== '');
  const s = str(x);
  return s ? [s] : [];
}

// A collection given as an array of objects, or as an object keyed by id
// ({"sales": {...}} becomes [{id: "sales", ...}]).
export function list(x: unknown): Obj[] {
  if (Array.isArray(x)) return x.filter(isObj);
  if (isObj(x)) {
    return Object.entries(x).map(([id, v]) => (isObj(v) ? { id, ...v } : { id, value: v }));
  }
  return [];
}

export interface Text {
  fa: string;
  en: string;
}

// Text shown to people: {fa, en}, or a plain string used for both.
export function text(x: unknown): Text {
  if (typeof x === 'string') return { fa: x, en: x };
  if (isObj(x)) return { fa: str(x.fa), en: str(x.en) };
  return { fa: '', en: '' };
}

export function pickText(t: Text, locale: 'fa' | 'en'): string {
  return (locale === 'fa' ? t.fa || t.en : t.en || t.fa) || '';
}

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

// A duration in seconds from: a number of seconds, {seconds: n}, "20s",
// "1h30m", "90" or ISO 8601 "PT1H30M". Undefined when unreadable.
export function seconds(x: unknown): number | undefined {
  const n = num(x);
  if (n !== undefined) return n;
  if (isObj(x)) {
    const secs = num(pick(x, 'seconds', 's'));
    if (secs !== undefined) return secs;
    const ms = num(pick(x, 'ms', 'milliseconds'));
    return ms === undefined ? undefined : ms / 1000;
  }
  if (typeof x !== 'string') return undefined;
  const s = x.trim().toLowerCase();
  const iso = /^p(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?)?$/.exec(s);
  if (iso && s !== 'p' && s !== 'pt') {
    return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
  }
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)\s*([wdhms])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('').replace(/\s/g, '') !== s.replace(/\s/g, '')) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_SECONDS[p[2]], 0);
}

// Minutes after midnight from 480 or "08:00".
export function minuteOfDay(x: unknown): number | undefined {
  const n = num(x);
  if (n !== undefined) return n;
  const m = /^(\d{1,2}):(\d{2})$/.exec(str(x).trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}
