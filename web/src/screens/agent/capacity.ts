// Several chats side by side, within the agent's capacity: which contacts
// get a pane, whether another one fits, and what the desk says about it.
import type { Contact, Offer } from './model';

export interface Capacity {
  // Contacts per channel the agent may hold (from the profile; the desk
  // falls back to DEFAULT_CAPACITY when the server does not say).
  [channel: string]: number;
}

export const DEFAULT_CAPACITY: Capacity = { chat: 3, voice: 1 };

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
