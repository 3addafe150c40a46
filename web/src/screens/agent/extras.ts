// What the agent adds to a contact in the side panels (customer found,
// captured field values, the case opened), kept per contact for the page's
// life so switching between chats loses nothing.
import { createStore } from '../../lib/store';

export interface ContactExtras {
  customerId: number | null;
  values: Record<string, string>;
  caseId: number | null;
  caseKind: string | null;
}

export const extras = createStore<Record<string, ContactExtras>>({});

export function extrasOf(contact: string): ContactExtras {
  return extras.get()[contact] ?? { customerId: null, values: {}, caseId: null, caseKind: null };
}

export function patchExtras(contact: string, patch: Partial<ContactExtras>): void {
  extras.set((all) => ({ ...all, [contact]: { ...extrasOf(contact), ...patch } }));
}
