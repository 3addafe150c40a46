// The agent desktop's state and the reducer of the server's live events
// (WS /api/v1/agent/ws frames {seq, type, at, data}) and of the snapshot
// GET /api/v1/agent. Pure functions: the same events in the same order give
// the same state, an event seen twice (replay after a reconnect) changes
// nothing, and times are passed in (`receivedAt`) for countdowns.
import { CONSULT_EVENTS, nextConsult, type Consult } from './consult';

export type AgentStateName = 'logged_out' | 'ready' | 'not_ready' | 'reserved' | 'busy' | 'wrap_up' | string;

export interface Message {
  seq: number;
  from: 'customer' | 'agent' | 'system' | string;
  text: string;
  at: string;
}

export interface Offer {
  contact: string;
  queue: string;
  // When the offer lapses, in the browser's clock (see offerDeadline).
  deadline: number | null;
  // The whole offer time in ms (for progress), 0 when unknown.
  timeoutMs: number;
  receivedAt: number;
}

export interface Contact {
  contact: string;
  queue: string;
  state: 'active' | 'held' | 'wrap_up' | string;
  since: string;
  channel: string | null; // from the contact's details; null until loaded
  type: string | null;
  fields: Record<string, string>;
  messages: Message[];
  customerTyping: boolean;
  customerLeft: boolean;
  outcome: string | null;
  // A consult with a third party running on this (voice) contact.
  consult: Consult | null;
  // Set when the contact went to wrap-up (browser clock, ms).
  wrapStartedAt: number | null;
  // When the desk learnt of it (browser clock, ms).
  addedAt: number;
}

// One finished contact, for the personal figures.
export interface Handled {
  contact: string;
  assignedAt: string | null;
  endedAt: string | null;
  doneAt: string;
}

// A customer's survey answer about a contact this agent took.
export interface SurveyAnswer {
  contact: string;
  csat: number | null; // 1..5
  at: string;
}

export interface DeskState {
  agent: string;
  name: string;
  state: AgentStateName;
  reason: string;
  since: string;
  offers: Offer[];
  contacts: Contact[];
  lastSeq: number;
  // Times a contact was assigned/ended, kept until its wrap-up is done.
  assignedAt: Record<string, string>;
  endedAt: Record<string, string>;
  handled: Handled[];
  surveys: SurveyAnswer[];
  // True when the server said some past events were too old to replay.
  historyIncomplete: boolean;
}

export interface LiveEvent {
  seq: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

export function emptyDesk(): DeskState {
  return {
    agent: '',
    name: '',
    state: 'logged_out',
    reason: '',
    since: '',
    offers: [],
    contacts: [],
    lastSeq: 0,
    assignedAt: {},
    endedAt: {},
    handled: [],
    surveys: [],
    historyIncomplete: false,
  };
}

export function newContact(contact: string, queue: string, since: string, state = 'active', addedAt = 0): Contact {
  return {
    addedAt,
    contact,
    queue,
    state,
    since,
    channel: null,
    type: null,
    fields: {},
    messages: [],
    customerTyping: false,
    customerLeft: false,
    outcome: null,
    consult: null,
    wrapStartedAt: null,
  };
}

// The offer's deadline in the browser's clock: the server's offer time
// (expires_at - at, else timeout_ms) counted from when the event arrived, so a
// skewed PC clock does not shorten or stretch the countdown.
export function offerDeadline(at: string, data: { expires_at?: unknown; timeout_ms?: unknown }, receivedAt: number): { deadline: number | null; timeoutMs: number } {
  let ms = typeof data.timeout_ms === 'number' ? data.timeout_ms : 0;
  if (typeof data.expires_at === 'string') {
    const d = Date.parse(data.expires_at) - Date.parse(at);
    if (Number.isFinite(d)) ms = d;
  }
  return ms > 0 ? { deadline: receivedAt + ms, timeoutMs: ms } : { deadline: null, timeoutMs: 0 };
}

export function insertMessage(list: readonly Message[], m: Message): Message[] {
  if (list.some((x) => x.seq === m.seq)) return list as Message[];
  return [...list, m].sort((a, b) => a.seq - b.seq);
}

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

function updateContact(s: DeskState, id: string, fn: (c: Contact) => Contact): DeskState {
  if (!s.contacts.some((c) => c.contact === id)) return s;
  return { ...s, contacts: s.contacts.map((c) => (c.contact === id ? fn(c) : c)) };
}

function without<T>(rec: Record<string, T>, key: string): Record<string, T> {
  if (!(key in rec)) return rec;
  const { [key]: _, ...rest } = rec;
  return rest;
}

// Applies one live event. Events at or below lastSeq were seen already.
// `replay` marks events the server replays from before this connection:
// their offers are left out (the snapshot fetched after every connect has
// the offers still open, with their real deadlines).
export function reduce(s: DeskState, e: LiveEvent, receivedAt: number, replay = false): DeskState {
  if (e.seq <= s.lastSeq) return s;
  const next = { ...s, lastSeq: e.seq };
  if (replay && e.type === 'offer') return next;
  return apply(next, e, receivedAt);
}

function apply(s: DeskState, e: LiveEvent, now: number): DeskState {
  const d = e.data ?? {};
  const id = str(d.contact);
  switch (e.type) {
    case 'agent_state':
      return { ...s, state: str(d.state, s.state), reason: str(d.reason), since: str(d.since, e.at) };
    case 'offer': {
      if (s.offers.some((o) => o.contact === id) || s.contacts.some((c) => c.contact === id)) return s;
      const { deadline, timeoutMs } = offerDeadline(e.at, d, now);
      return { ...s, offers: [...s.offers, { contact: id, queue: str(d.queue), deadline, timeoutMs, receivedAt: now }] };
    }
    case 'offer_withdrawn':
      return { ...s, offers: s.offers.filter((o) => o.contact !== id) };
    case 'contact_assigned': {
      const offers = s.offers.filter((o) => o.contact !== id);
      const assignedAt = { ...s.assignedAt, [id]: e.at };
      if (s.contacts.some((c) => c.contact === id)) return { ...s, offers, assignedAt };
      return { ...s, offers, assignedAt, contacts: [...s.contacts, newContact(id, str(d.queue), e.at, 'active', now)] };
    }
    case 'message': {
      const m: Message = { seq: Number(d.seq) || 0, from: str(d.from, 'customer'), text: str(d.text), at: str(d.at, e.at) };
      return updateContact(s, id, (c) => ({ ...c, messages: insertMessage(c.messages, m), customerTyping: false }));
    }
    case 'typing':
      return updateContact(s, id, (c) => ({ ...c, customerTyping: true }));
    case 'customer_left':
      return updateContact(s, id, (c) => ({ ...c, customerLeft: true, customerTyping: false }));
    case 'contact_held':
      return updateContact(s, id, (c) => ({ ...c, state: 'held', since: e.at }));
    case 'contact_resumed':
      return updateContact(s, id, (c) => ({ ...c, state: 'active', since: e.at }));
    case 'contact_ended':
      return {
        ...updateContact(s, id, (c) => ({ ...c, state: 'wrap_up', since: e.at, outcome: str(d.outcome) || null, wrapStartedAt: now, customerTyping: false })),
        endedAt: { ...s.endedAt, [id]: e.at },
      };
    case 'contact_transferred':
      return { ...s, contacts: s.contacts.filter((c) => c.contact !== id), assignedAt: without(s.assignedAt, id), endedAt: without(s.endedAt, id) };
    case 'wrapup_done': {
      const done: Handled = { contact: id, assignedAt: s.assignedAt[id] ?? null, endedAt: s.endedAt[id] ?? null, doneAt: e.at };
      return {
        ...s,
        contacts: s.contacts.filter((c) => c.contact !== id),
        handled: s.handled.some((h) => h.contact === id) ? s.handled : [...s.handled, done],
        assignedAt: without(s.assignedAt, id),
        endedAt: without(s.endedAt, id),
      };
    }
    case 'survey_answered': {
      const csat = typeof d.csat === 'number' ? d.csat : null;
      if (s.surveys.some((a) => a.contact === id)) return s;
      return { ...s, surveys: [...s.surveys, { contact: id, csat, at: e.at }] };
    }
    default:
      if (CONSULT_EVENTS.includes(e.type)) return updateContact(s, id, (c) => ({ ...c, consult: nextConsult(c.consult, e.type, d) }));
      return s;
  }
}

// The snapshot (GET /api/v1/agent, or the login answer) replaces state,
// offers and contacts; what the desk already knew about a contact
// (transcript, details) and the history for the figures stay.
export interface DeskSnapshot {
  agent: string;
  name: string;
  state: string;
  reason: string;
  since: string;
  offers: { contact: string; queue: string; since: string; offer_expires_at?: string }[];
  contacts: { contact: string; state: string; queue: string; since: string }[];
}

// `requestedAt`: when the snapshot was asked for; offers and contacts the
// live feed brought after that are newer than the snapshot and stay.
export function fromSnapshot(s: DeskState, snap: DeskSnapshot, now: number, requestedAt: number = now, serverNow: number = now): DeskState {
  const inSnap = new Set([...snap.offers.map((o) => o.contact), ...snap.contacts.map((c) => c.contact)]);
  const offers: Offer[] = snap.offers.map((o) => {
    const known = s.offers.find((x) => x.contact === o.contact);
    if (known) return known;
    const exp = o.offer_expires_at ? Date.parse(o.offer_expires_at) : NaN;
    const left = Number.isFinite(exp) ? exp - serverNow : NaN;
    const total = Number.isFinite(exp) ? exp - Date.parse(o.since) : 0;
    return { contact: o.contact, queue: o.queue, deadline: Number.isFinite(left) ? now + left : null, timeoutMs: total > 0 ? total : 0, receivedAt: now };
  });
  const contacts: Contact[] = snap.contacts.map((c) => {
    const known = s.contacts.find((x) => x.contact === c.contact);
    const base = known ?? newContact(c.contact, c.queue, c.since, c.state, now);
    const wrapStartedAt = c.state === 'wrap_up' ? (base.wrapStartedAt ?? now - Math.max(0, serverNow - Date.parse(c.since))) : null;
    return { ...base, state: c.state, since: c.since, queue: c.queue, wrapStartedAt };
  });
  for (const o of s.offers) if (!inSnap.has(o.contact) && o.receivedAt >= requestedAt) offers.push(o);
  for (const c of s.contacts) if (!inSnap.has(c.contact) && c.addedAt >= requestedAt) contacts.push(c);
  return { ...s, agent: snap.agent, name: snap.name, state: snap.state, reason: snap.reason, since: snap.since, offers, contacts };
}

// Details of one contact (GET /api/v1/agent/contacts/{c}).
export interface ContactDetails {
  contact: string;
  state: string;
  queue: string;
  since: string;
  interaction?: { channel?: string; type?: string; fields?: Record<string, unknown> };
  messages?: { seq: number; from: string; text: string; at: string }[];
}

export function withDetails(s: DeskState, d: ContactDetails): DeskState {
  return updateContact(s, d.contact, (c) => {
    let messages = c.messages;
    for (const m of d.messages ?? []) messages = insertMessage(messages, { seq: m.seq, from: m.from, text: m.text, at: m.at });
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.interaction?.fields ?? {})) if (typeof v === 'string') fields[k] = v;
    return { ...c, channel: d.interaction?.channel ?? c.channel, type: d.interaction?.type ?? c.type, fields: { ...fields, ...c.fields }, messages };
  });
}

// The agent's own message, stored by the server with `seq`.
export function withOwnMessage(s: DeskState, contact: string, seq: number, text: string, at: string): DeskState {
  return updateContact(s, contact, (c) => ({ ...c, messages: insertMessage(c.messages, { seq, from: 'agent', text, at }) }));
}

// The desk's own view of a consult it asked for (or ended), before the feed says so.
export function withConsult(s: DeskState, contact: string, consult: Consult | null): DeskState {
  return updateContact(s, contact, (c) => ({ ...c, consult }));
}

export function dropOffer(s: DeskState, contact: string): DeskState {
  return { ...s, offers: s.offers.filter((o) => o.contact !== contact) };
}
