// Several chats side by side, within the agent's capacity: which contacts
// get a pane, whether another one fits, and what the desk says about it.
import type { Contact, Offer } from './model';

export interface Capacity {
  // Contacts per channel the agent may hold (from the profile; the desk
  // falls back to DEFAULT_CAPACITY when the server does not say).
  [channel: string]: number;
}

export const DEFAULT_CAPACITY: Capacity = { chat: 3, voice: 1 };

// The channels that get a pane on the desk (the others are written work).
const PANE_CHANNELS = ['chat', 'voice'];

// The agent's capacity as GET /api/v1/me gives it (`capacity`, contacts per
// channel from their profile). A channel the profile leaves out holds none;
// when the answer names neither chat nor voice (no profile, /me not read
// yet or failed) the desk keeps DEFAULT_CAPACITY.
export function capacityOf(me: { capacity?: unknown } | null | undefined): Capacity {
  const raw = me?.capacity;
  if (!raw || typeof raw !== 'object') return DEFAULT_CAPACITY;
  const cap: Capacity = {};
  for (const [channel, n] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) cap[channel] = n;
  }
  return PANE_CHANNELS.some((c) => c in cap) ? cap : DEFAULT_CAPACITY;
}

function channelOf(c: Contact): string {
  return c.channel ?? 'chat';
}

export function inUse(contacts: readonly Contact[], channel: string): number {
  return contacts.filter((c) => channelOf(c) === channel && c.state !== 'wrap_up').length;
}

// Whether one more contact of `channel` fits next to the ones held.
export function hasRoom(contacts: readonly Contact[], channel: string, cap: Capacity = DEFAULT_CAPACITY): boolean {
  const limit = cap[channel] ?? 0;
  return inUse(contacts, channel) < limit;
}

// Panes in display order: contacts as they arrived, at most `maxPanes`
// side by side; the rest (rare: wrap-ups piling up) are listed as tabs.
export function layoutPanes(contacts: readonly Contact[], maxPanes: number): { panes: Contact[]; more: Contact[] } {
  const n = Math.max(1, maxPanes);
  return { panes: contacts.slice(0, n), more: contacts.slice(n) };
}

// The most panes the desk shows at once: the sum of chat and voice
// capacities, at least 1.
export function maxPanes(cap: Capacity = DEFAULT_CAPACITY): number {
  return Math.max(1, (cap.chat ?? 0) + (cap.voice ?? 0));
}

// Offers the agent may accept now (an offer may be shown while full, but
// then its Accept is disabled: the server would refuse with 409).
export function acceptable(offer: Offer, contacts: readonly Contact[], cap: Capacity = DEFAULT_CAPACITY): boolean {
  void offer;
  const total = contacts.filter((c) => c.state !== 'wrap_up').length;
  return total < maxPanes(cap);
}
