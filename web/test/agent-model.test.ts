import { describe, expect, it } from 'vitest';
import { emptyDesk, fromSnapshot, offerDeadline, reduce, withDetails, withOwnMessage, type DeskState, type LiveEvent } from '../src/screens/agent/model';

let seq = 0;
function ev(type: string, data: Record<string, unknown>, at = '2026-11-22T10:00:00.000Z'): LiveEvent {
  return { seq: ++seq, type, at, data };
}
function run(events: LiveEvent[], s: DeskState = emptyDesk(), now = 1_000_000): DeskState {
  return events.reduce((acc, e) => reduce(acc, e, now), s);
}

describe('agent desk: live events', () => {
  it('shows an offer straight from the event, with its deadline in the browser clock', () => {
    const s = run([ev('offer', { contact: 'I-000001', queue: 'sales', timeout_ms: 20000, expires_at: '2026-11-22T10:00:20.000Z' })], emptyDesk(), 5000);
    expect(s.offers).toEqual([{ contact: 'I-000001', queue: 'sales', deadline: 25000, timeoutMs: 20000, receivedAt: 5000 }]);
  });

  it('uses expires_at minus the event time, not the PC clock, for the offer time', () => {
    expect(offerDeadline('2026-11-22T10:00:00.000Z', { expires_at: '2026-11-22T10:00:25.000Z', timeout_ms: 20000 }, 100)).toEqual({ deadline: 25100, timeoutMs: 25000 });
    expect(offerDeadline('2026-11-22T10:00:00.000Z', {}, 100)).toEqual({ deadline: null, timeoutMs: 0 });
  });

  it('turns an accepted offer into a contact and a withdrawn one into nothing', () => {
    const s = run([
      ev('offer', { contact: 'I-1', queue: 'sales', timeout_ms: 20000 }),
      ev('offer', { contact: 'I-2', queue: 'sales', timeout_ms: 20000 }),
      ev('contact_assigned', { contact: 'I-1', queue: 'sales', waited_s: 3 }),
      ev('offer_withdrawn', { contact: 'I-2', reason: 'timeout' }),
    ]);
    expect(s.offers).toEqual([]);
    expect(s.contacts.map((c) => [c.contact, c.state])).toEqual([['I-1', 'active']]);
  });

  it('keeps the transcript in seq order without duplicates, and shows customer typing until the message', () => {
    let s = run([ev('contact_assigned', { contact: 'I-1', queue: 'q' }), ev('typing', { contact: 'I-1', from: 'customer' })]);
    expect(s.contacts[0].customerTyping).toBe(true);
    s = run([ev('message', { contact: 'I-1', seq: 3, from: 'customer', text: 'c', at: 'x' }), ev('message', { contact: 'I-1', seq: 1, from: 'customer', text: 'a', at: 'x' })], s);
    s = withOwnMessage(s, 'I-1', 2, 'b', 'x');
    s = withOwnMessage(s, 'I-1', 2, 'b', 'x');
    expect(s.contacts[0].messages.map((m) => m.text)).toEqual(['a', 'b', 'c']);
    expect(s.contacts[0].customerTyping).toBe(false);
  });

  it('follows hold, resume, end (wrap-up) and counts the contact when the wrap-up is done', () => {
    let s = run([ev('contact_assigned', { contact: 'I-1', queue: 'q' }, '2026-11-22T10:00:00.000Z'), ev('contact_held', { contact: 'I-1' })]);
    expect(s.contacts[0].state).toBe('held');
    s = run([ev('contact_resumed', { contact: 'I-1' }), ev('contact_ended', { contact: 'I-1', outcome: 'handled' }, '2026-11-22T10:04:00.000Z')], s, 7000);
    expect(s.contacts[0]).toMatchObject({ state: 'wrap_up', outcome: 'handled', wrapStartedAt: 7000 });
    s = run([ev('wrapup_done', { contact: 'I-1' }, '2026-11-22T10:05:00.000Z')], s);
    expect(s.contacts).toEqual([]);
    expect(s.handled).toEqual([{ contact: 'I-1', assignedAt: '2026-11-22T10:00:00.000Z', endedAt: '2026-11-22T10:04:00.000Z', doneAt: '2026-11-22T10:05:00.000Z' }]);
  });

  it('drops a transferred contact and follows the agent state', () => {
    const s = run([ev('contact_assigned', { contact: 'I-1', queue: 'q' }), ev('contact_transferred', { contact: 'I-1', queue: 'sales' }), ev('agent_state', { state: 'not_ready', reason: 'lunch', since: 'T' })]);
    expect(s.contacts).toEqual([]);
    expect([s.state, s.reason, s.since]).toEqual(['not_ready', 'lunch', 'T']);
  });

  it('ignores events seen before (a replay after reconnecting) and replayed offers', () => {
    const offer = ev('offer', { contact: 'I-1', queue: 'q', timeout_ms: 1000 });
    const s = run([offer]);
    expect(reduce(s, offer, 0)).toBe(s);
    const replayed = reduce(emptyDesk(), ev('offer', { contact: 'I-9', queue: 'q', timeout_ms: 1000 }), 0, true);
    expect(replayed.offers).toEqual([]);
    expect(replayed.lastSeq).toBe(seq);
  });

  it('takes state, offers and contacts from the snapshot but keeps transcripts and newer offers', () => {
    let s = run([ev('contact_assigned', { contact: 'I-1', queue: 'q' })], emptyDesk(), 100);
    s = withOwnMessage(s, 'I-1', 1, 'hi', 'x');
    s = run([ev('offer', { contact: 'I-3', queue: 'q', timeout_ms: 20000 })], s, 500);
    const snap = {
      agent: 'sara',
      name: 'Sara',
      state: 'busy',
      reason: '',
      since: '2026-11-22T10:00:00.000Z',
      offers: [{ contact: 'I-2', queue: 'q', since: '2026-11-22T10:00:00.000Z', offer_expires_at: '2026-11-22T10:00:20.000Z' }],
      contacts: [{ contact: 'I-1', state: 'held', queue: 'q', since: '2026-11-22T10:00:00.000Z' }],
    };
    const serverNow = Date.parse('2026-11-22T10:00:05.000Z');
    const out = fromSnapshot(s, snap, 1000, 400, serverNow);
    expect(out.state).toBe('busy');
    expect(out.contacts.map((c) => [c.contact, c.state, c.messages.length])).toEqual([['I-1', 'held', 1]]);
    expect(out.offers.map((o) => [o.contact, o.deadline])).toEqual([
      ['I-2', 16000],
      ['I-3', 20500],
    ]);
  });

  it('adds the channel, type, fields and transcript from the contact details', () => {
    const s = withDetails(run([ev('contact_assigned', { contact: 'I-1', queue: 'q' })]), {
      contact: 'I-1',
      state: 'active',
      queue: 'q',
      since: 'x',
      interaction: { channel: 'voice', type: 'complaint', fields: { mobile: '0912', n: 3 } },
      messages: [{ seq: 1, from: 'customer', text: 'a', at: 'x' }],
    });
    expect(s.contacts[0]).toMatchObject({ channel: 'voice', type: 'complaint', fields: { mobile: '0912' } });
    expect(s.contacts[0].messages).toHaveLength(1);
  });
});
