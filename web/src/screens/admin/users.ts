// Pure logic of the Users screen: the strategy's skills and agent groups as
// choices, an agent profile as a form and back, and checks before sending.
import type { Locale } from '../../i18n';

export const ROLES = ['admin', 'supervisor', 'agent', 'backoffice'] as const;
export type Role = (typeof ROLES)[number];
// Channels a capacity may name (api/user_routes.h AgentVocabulary).
export const CHANNELS = ['voice', 'chat', 'email', 'webform', 'sms', 'social', 'walkin'] as const;
export const MIN_PASSWORD = 8;

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  disabled: boolean;
  created_at: string;
}

export interface AgentProfile {
  user?: number;
  skills: Record<string, number>;
  groups: string[];
  capacities: Record<string, number>;
  sip_uri: string;
}

export interface Choice {
  id: string;
  name: string;
}

export interface Vocabulary {
  skills: Choice[];
  groups: Choice[];
}

function nameOf(x: unknown, locale: Locale, fallback: string): string {
  if (typeof x === 'string') return x || fallback;
  if (typeof x === 'object' && x !== null) {
    const n = x as Record<string, unknown>;
    const other = locale === 'fa' ? 'en' : 'fa';
    for (const k of [locale, other]) if (typeof n[k] === 'string' && n[k]) return n[k] as string;
  }
  return fallback;
}

function choices(list: unknown, locale: Locale): Choice[] {
  if (!Array.isArray(list)) return [];
  const out: Choice[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push({ id: item, name: item });
    else if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') {
      const id = (item as { id: string }).id;
      out.push({ id, name: nameOf((item as { name?: unknown }).name, locale, id) });
    }
  }
  return out;
}

// Skills and agent groups of the compiled strategy (GET /api/v1/strategy),
// named in `locale` (the other language, then the id, when missing).
export function vocabularyFromStrategy(strategy: unknown, locale: Locale): Vocabulary {
  const s = (typeof strategy === 'object' && strategy !== null ? strategy : {}) as Record<string, unknown>;
  return { skills: choices(s.skills, locale), groups: choices(s.agent_groups ?? s.groups, locale) };
}

// The form's state: a level 0 means "does not have the skill"; capacities as
// text so a field can be empty (no limit set).
export interface ProfileForm {
  skills: Record<string, number>;
  groups: string[];
  capacities: Record<string, string>;
  sip_uri: string;
}

export function emptyProfileForm(): ProfileForm {
  return { skills: {}, groups: [], capacities: {}, sip_uri: '' };
}

export function profileToForm(p: AgentProfile | null): ProfileForm {
  if (!p) return emptyProfileForm();
  const capacities: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.capacities ?? {})) capacities[k] = String(v);
  return { skills: { ...(p.skills ?? {}) }, groups: [...(p.groups ?? [])], capacities, sip_uri: p.sip_uri ?? '' };
}

// Problems by field name ("skills.sales", "capacities.chat", "sip_uri");
// empty when the form may be sent.
export function profileProblems(f: ProfileForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f.skills))
    if (!Number.isInteger(v) || v < 0 || v > 5) out[`skills.${k}`] = 'level';
  for (const [k, v] of Object.entries(f.capacities)) {
    if (v.trim() === '') continue;
    const n = Number(v.trim());
    if (!Number.isInteger(n) || n < 0 || n > 50) out[`capacities.${k}`] = 'capacity';
  }
  if (f.sip_uri.trim() !== '' && !f.sip_uri.trim().startsWith('sip:')) out.sip_uri = 'sip';
  return out;
}

// The PUT /api/v1/users/{id}/agent body. REQUIRES: profileProblems(f) is empty.
export function formToProfile(f: ProfileForm): AgentProfile {
  const skills: Record<string, number> = {};
  for (const [k, v] of Object.entries(f.skills)) if (v >= 1) skills[k] = v;
  const capacities: Record<string, number> = {};
  for (const [k, v] of Object.entries(f.capacities)) if (v.trim() !== '') capacities[k] = Number(v.trim());
  return { skills, groups: [...new Set(f.groups)], capacities, sip_uri: f.sip_uri.trim() };
}

export interface NewUser {
  username: string;
  display_name: string;
  role: Role;
  password: string;
}

// Problems by field before POST /api/v1/users: 'required', 'spaces', 'short'.
export function newUserProblems(u: NewUser): Record<string, string> {
  const out: Record<string, string> = {};
  if (u.username.trim() === '') out.username = 'required';
  else if (/\s/.test(u.username.trim())) out.username = 'spaces';
  if (u.password.length < MIN_PASSWORD) out.password = 'short';
  return out;
}

// The PATCH body: only what changed (an empty password is no change).
export function userChanges(
  before: UserRow,
  after: { display_name: string; role: string; disabled: boolean; password: string },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (after.display_name.trim() !== before.display_name) out.display_name = after.display_name.trim();
  if (after.role !== before.role) out.role = after.role;
  if (after.disabled !== before.disabled) out.disabled = after.disabled;
  if (after.password !== '') out.password = after.password;
  return out;
}
