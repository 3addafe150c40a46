// Consulting a third party during a voice call (attended transfer): the
// agent calls another agent, a queue or an outside number while the
// customer holds; once the third party answers, the agent completes the
// transfer (the customer is connected to them) or cancels (back to the
// customer). Server: POST /api/v1/agent/contacts/{c}/consult with one of
// {"agent"}, {"queue"}, {"number"}; then .../consult/complete or
// .../consult/cancel; the feed reports consult_started, consult_answered,
// consult_ended (the third party hung up, or the consult was cancelled) and
// consult_completed. Pure functions of the contact's consult state.

export type ConsultTarget = { agent: string } | { queue: string } | { number: string };
export type ConsultKind = 'agent' | 'queue' | 'number';

export interface Consult {
  // asked: the desk's request was accepted, no event yet; ringing: the
  // third party is being called; talking: they answered.
  phase: 'asked' | 'ringing' | 'talking';
  kind: ConsultKind;
  target: string;
}

export const CONSULT_EVENTS = ['consult_started', 'consult_answered', 'consult_ended', 'consult_completed'];

// The request body for a target the agent typed (trimmed); null when empty
// or, for a number, not a dialable number (digits, an optional leading +).
export function consultTarget(kind: ConsultKind, raw: string): ConsultTarget | null {
  const v = raw.trim();
  if (!v) return null;
  if (kind === 'number') {
    const n = v.replace(/[\s-]/g, '');
    return /^\+?[0-9]{3,20}$/.test(n) ? { number: n } : null;
  }
  return kind === 'agent' ? { agent: v } : { queue: v };
}

export function targetParts(to: ConsultTarget): { kind: ConsultKind; target: string } {
  if ('agent' in to) return { kind: 'agent', target: to.agent };
  if ('queue' in to) return { kind: 'queue', target: to.queue };
  return { kind: 'number', target: to.number };
}

function targetOf(data: Record<string, unknown>, known: Consult | null): { kind: ConsultKind; target: string } {
  for (const kind of ['agent', 'queue', 'number'] as const) {
    const v = data[kind];
    if (typeof v === 'string' && v) return { kind, target: v };
  }
  return known ? { kind: known.kind, target: known.target } : { kind: 'agent', target: '' };
}

// The consult after one feed event about the contact (`type` one of
// CONSULT_EVENTS); null when none runs.
export function nextConsult(known: Consult | null, type: string, data: Record<string, unknown>): Consult | null {
  switch (type) {
    case 'consult_started':
      return { phase: known?.phase === 'talking' ? 'talking' : 'ringing', ...targetOf(data, known) };
    case 'consult_answered':
      return { phase: 'talking', ...targetOf(data, known) };
    case 'consult_ended':
    case 'consult_completed':
      return null;
    default:
      return known;
  }
}
