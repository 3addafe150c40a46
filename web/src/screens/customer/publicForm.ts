// The public form definition (GET /api/v1/public/forms/{entry_point}) and
// client-side validation that mirrors the server's (src/services/intake/
// field_validation.cc): trim, then required, then a check per type, then
// lengths in characters, then the strategy's pattern over the whole value.
// The server stays the judge: its 422 field problems are shown the same way.
import { toLatinDigits } from '../../format/digits';

export type FieldType = 'text' | 'number' | 'phone' | 'email' | 'vin' | 'date' | 'choice';
export type Privacy = 'public' | 'internal' | 'personal' | 'sensitive';

export interface PublicField {
  id: string;
  name: { fa: string; en: string };
  type: FieldType;
  required: boolean;
  privacy: Privacy;
  pattern?: string;
  min_length?: number;
  max_length?: number;
  choices?: string[];
}

export interface SurveyQuestion {
  id: string;
  scale: 'csat' | 'nps' | 'ces' | 'free_text';
  prompt: { fa: string; en: string };
}

export interface PublicForm {
  entry_point: string;
  channel: 'webform' | 'chat';
  name: { fa: string; en: string };
  fields: PublicField[];
  long_wait_s?: number;
  survey?: { id: string; questions: SurveyQuestion[] };
}

// What went wrong with one field: a message key suffix and its parameter.
export interface Problem {
  code: 'required' | 'number' | 'phone' | 'email' | 'vin' | 'date' | 'choice' | 'minLength' | 'maxLength' | 'pattern' | 'server';
  n?: number;
}

const CHECKS: Record<Exclude<FieldType, 'text' | 'choice'>, RegExp> = {
  number: /^-?[0-9]+(\.[0-9]+)?$/,
  // Loose on purpose: the server normalises to E.164 and has the last word.
  phone: /^\+?[0-9]{7,15}$/,
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  vin: /^[A-HJ-NPR-Z0-9]{17}$/,
  date: /^[0-9]{4}[-/][0-9]{2}[-/][0-9]{2}$/,
};

// The value as the server will see it after its own normalisation.
export function normalise(f: PublicField, raw: string): string {
  let v = raw.trim();
  if (f.type !== 'text' && f.type !== 'email' && f.type !== 'choice') v = toLatinDigits(v);
  if (f.type === 'vin') v = v.toUpperCase();
  if (f.type === 'phone') v = v.replace(/[\s()-]/g, '');
  return v;
}

function characters(s: string): number {
  return [...s].length;
}

export function checkField(f: PublicField, raw: string): Problem | null {
  const v = normalise(f, raw);
  if (!v) return f.required ? { code: 'required' } : null;
  if (f.type === 'choice') {
    if (!(f.choices ?? []).includes(v)) return { code: 'choice' };
  } else if (f.type !== 'text' && !CHECKS[f.type].test(v)) {
    return { code: f.type };
  }
  if (f.min_length && characters(v) < f.min_length) return { code: 'minLength', n: f.min_length };
  if (f.max_length && characters(v) > f.max_length) return { code: 'maxLength', n: f.max_length };
  if (f.pattern && f.type !== 'phone') {
    try {
      if (!new RegExp(`^(?:${f.pattern})$`).test(v)) return { code: 'pattern' };
    } catch {
      // A pattern the browser cannot read: the server checks it.
    }
  }
  return null;
}

export function checkAll(fields: readonly PublicField[], values: Record<string, string>): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const f of fields) {
    const p = checkField(f, values[f.id] ?? '');
    if (p) out[f.id] = p;
  }
  return out;
}

// The server's 422 field problems ("is required", "must be a 17-character
// VIN", ...) as the same problems the browser shows.
export function serverProblem(message: string): Problem {
  const table: [RegExp, Problem['code']][] = [
    [/^is required/, 'required'],
    [/number$/, 'number'],
    [/phone number/, 'phone'],
    [/e-mail/, 'email'],
    [/VIN/, 'vin'],
    [/date/, 'date'],
    [/choices/, 'choice'],
    [/wrong format/, 'pattern'],
  ];
  const n = /at (least|most) ([0-9]+)/.exec(message);
  if (n) return { code: n[1] === 'least' ? 'minLength' : 'maxLength', n: Number(n[2]) };
  for (const [re, code] of table) if (re.test(message)) return { code };
  return { code: 'server' };
}

// Only what the form asks for, normalised; empty optional fields left out.
export function submission(fields: readonly PublicField[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = normalise(f, values[f.id] ?? '');
    if (v) out[f.id] = v;
  }
  return out;
}
