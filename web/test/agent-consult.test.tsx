import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../src/api/client';
import { setLocale } from '../src/i18n';
import { ContactPane } from '../src/screens/agent/ContactPane';
import { consultTarget, nextConsult } from '../src/screens/agent/consult';
import { Desk } from '../src/screens/agent/desk';
import { emptyDesk, newContact, reduce, type LiveEvent } from '../src/screens/agent/model';

const ev = (seq: number, type: string, data: Record<string, unknown>): LiveEvent => ({ seq, type, at: '2026-11-23T08:00:00.000Z', data });

// A desk holding one voice call, driven by feed frames; records its calls.
function deskWithCall(answers: Record<string, ApiResult<unknown>> = {}) {
  const calls: string[] = [];
  const desk = new Desk({
    api: {
      // A refused action re-reads the desk: still the one call.
      get: async <T,>() => ({ ok: true, status: 200, data: { ...emptyDesk(), state: 'busy', offers: [], contacts: [{ contact: 'I-7', state: 'active', queue: 'sales', since: 'x' }] } }) as ApiResult<T>,
      send: async <T,>(method: string, path: string, body?: unknown) => {
        calls.push(`${method} ${path} ${body === undefined ? '' : JSON.stringify(body)}`.trim());
        return (answers[path] ?? { ok: true, status: 200, data: {} }) as ApiResult<T>;
      },
    },
    now: () => 1000,
  });
  desk.onFrame({ seq: 1, type: 'contact_assigned', at: '2026-11-23T08:00:00.000Z', data: { contact: 'I-7', queue: 'sales' } });
  const consult = () => desk.state.contacts[0].consult;
  return { desk, calls, consult };
}

describe('agent desk: consult during a call', () => {
  afterEach(() => setLocale('fa'));

  it('reads the target the agent typed: a username, a queue, or a dialable number', () => {
    expect(consultTarget('agent', ' ali ')).toEqual({ agent: 'ali' });
    expect(consultTarget('queue', 'after_sales')).toEqual({ queue: 'after_sales' });
    expect(consultTarget('number', '+98 21 4455-0000')).toEqual({ number: '+982144550000' });
    expect(consultTarget('number', 'abc')).toBeNull();
    expect(consultTarget('agent', '  ')).toBeNull();
  });

  it('follows the feed: started rings, answered talks, ended or completed clears it', () => {
    const ringing = nextConsult(null, 'consult_started', { contact: 'I-7', agent: 'ali' });
    expect(ringing).toEqual({ phase: 'ringing', kind: 'agent', target: 'ali' });
    const talking = nextConsult(ringing, 'consult_answered', { contact: 'I-7' });
    expect(talking).toEqual({ phase: 'talking', kind: 'agent', target: 'ali' });
    expect(nextConsult(talking, 'consult_ended', {})).toBeNull();
    expect(nextConsult(talking, 'consult_completed', {})).toBeNull();
    // A started event replayed after the answer does not turn it back to ringing.
    expect(nextConsult(talking, 'consult_started', { agent: 'ali' })?.phase).toBe('talking');
  });

  it('keeps the consult on its contact through the reducer, once per event', () => {
    let s = reduce(emptyDesk(), ev(1, 'contact_assigned', { contact: 'I-7', queue: 'sales' }), 0);
    s = reduce(s, ev(2, 'consult_started', { contact: 'I-7', number: '+982144550000' }), 0);
    expect(s.contacts[0].consult).toEqual({ phase: 'ringing', kind: 'number', target: '+982144550000' });
    s = reduce(s, ev(3, 'consult_answered', { contact: 'I-7' }), 0);
    expect(s.contacts[0].consult?.phase).toBe('talking');
    expect(reduce(s, ev(2, 'consult_ended', { contact: 'I-7' }), 0)).toBe(s);
    s = reduce(s, ev(4, 'consult_ended', { contact: 'I-7' }), 0);
    expect(s.contacts[0].consult).toBeNull();
  });

  it('starts a consult, then completes it with the server', async () => {
    const { desk, calls, consult } = deskWithCall();
    expect(await desk.consult('I-7', { queue: 'after_sales' })).toBe(true);
    expect(calls).toEqual(['POST /api/v1/agent/contacts/I-7/consult {"queue":"after_sales"}']);
    expect(consult()).toEqual({ phase: 'asked', kind: 'queue', target: 'after_sales' });
    desk.onFrame({ seq: 2, type: 'consult_started', at: 'x', data: { contact: 'I-7', queue: 'after_sales' } });
    desk.onFrame({ seq: 3, type: 'consult_answered', at: 'x', data: { contact: 'I-7' } });
    expect(consult()?.phase).toBe('talking');
    expect(await desk.consultComplete('I-7')).toBe(true);
    expect(calls.at(-1)).toBe('POST /api/v1/agent/contacts/I-7/consult/complete');
    expect(consult()).toBeNull();
  });

  it('cancels a consult; a refused one leaves the call as it was and says why', async () => {
    const { desk, calls, consult } = deskWithCall({ '/api/v1/agent/contacts/I-7/consult': { ok: false, status: 409, code: 'conflict', message: 'agent busy' } });
    expect(await desk.consult('I-7', { agent: 'ali' })).toBe(false);
    expect(consult()).toBeNull();
    expect(desk.store.get().error).toEqual({ action: 'consult', status: 409, message: 'agent busy' });
    desk.onFrame({ seq: 2, type: 'consult_started', at: 'x', data: { contact: 'I-7', agent: 'reza' } });
    expect(await desk.consultCancel('I-7')).toBe(true);
    expect(calls.at(-1)).toBe('POST /api/v1/agent/contacts/I-7/consult/cancel');
    expect(consult()).toBeNull();
  });

  it('shows Consult next to Transfer on a call, then Complete and Cancel while it runs (en, fa)', () => {
    const { desk } = deskWithCall();
    const call = { ...newContact('I-7', 'sales', new Date(0).toISOString()), channel: 'voice' };
    setLocale('en');
    const idle = render(<ContactPane desk={desk} c={call} queues={[]} selected={true} onSelect={() => {}} now={0} />);
    expect(idle).toContain('<summary>Transfer</summary>');
    expect(idle).toContain('<summary>Consult</summary>');
    expect(idle).not.toContain('Complete transfer');
    const running = { ...call, consult: { phase: 'ringing' as const, kind: 'agent' as const, target: 'ali' } };
    const html = render(<ContactPane desk={desk} c={running} queues={[]} selected={true} onSelect={() => {}} now={0} />);
    expect(html).toContain('Ringing ali; the customer is on hold.');
    expect(html).toMatch(/<button type="button" class="primary" disabled[^>]*>Complete transfer<\/button>/);
    expect(html).toContain('>Cancel consult</button>');
    expect(html).not.toContain('<summary>Transfer</summary>');
    setLocale('fa');
    const fa = render(<ContactPane desk={desk} c={{ ...running, consult: { ...running.consult, phase: 'talking' } }} queues={[]} selected={true} onSelect={() => {}} now={0} />);
    expect(fa).toContain('در حال گفتگو با ali؛ مشتری در انتظار است.');
    expect(fa).toContain('>تکمیل انتقال</button>');
    expect(fa).toContain('>لغو مشورت</button>');
    // A chat has no consult.
    expect(render(<ContactPane desk={desk} c={{ ...call, channel: 'chat' }} queues={[]} selected={true} onSelect={() => {}} now={0} />)).not.toContain('Consult');
  });
});
