import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPACITY, capacityOf, hasRoom, layoutPanes, maxPanes } from '../src/screens/agent/capacity';
import { dayOf, todaysFigures } from '../src/screens/agent/figures';
import { newContact, type Offer } from '../src/screens/agent/model';
import { liveOffers, offerClock, wrapClock } from '../src/screens/agent/timers';

const offer: Offer = { contact: 'I-1', queue: 'q', deadline: 20_000, timeoutMs: 20_000, receivedAt: 0 };

describe('agent desk: offer countdown', () => {
  it('counts whole seconds down to the deadline and turns urgent in the last five', () => {
    expect(offerClock(offer, 0)).toEqual({ left: 20, used: 0, expired: false, urgent: false });
    expect(offerClock(offer, 10_000)).toMatchObject({ left: 10, used: 0.5 });
    expect(offerClock(offer, 15_200)).toMatchObject({ left: 5, urgent: true });
    expect(offerClock(offer, 20_000)).toMatchObject({ left: 0, expired: true });
  });

  it('hides offers at their deadline and keeps offers without one', () => {
    const open: Offer = { ...offer, contact: 'I-2', deadline: null, timeoutMs: 0 };
    expect(liveOffers([offer, open], 19_999).map((o) => o.contact)).toEqual(['I-1', 'I-2']);
    expect(liveOffers([offer, open], 20_000).map((o) => o.contact)).toEqual(['I-2']);
    expect(offerClock(open, 5)).toEqual({ left: null, used: 0, expired: false, urgent: false });
  });
});

describe('agent desk: wrap-up timer', () => {
  const c = { ...newContact('I-1', 'q', 'x', 'wrap_up'), wrapStartedAt: 1000 };
  it("counts down the queue's wrap-up time and then how far over it is", () => {
    expect(wrapClock(c, 60, 1000)).toEqual({ left: 60, elapsed: 0, over: false });
    expect(wrapClock(c, 60, 31_000)).toEqual({ left: 30, elapsed: 30, over: false });
    expect(wrapClock(c, 60, 71_000)).toEqual({ left: -10, elapsed: 70, over: true });
  });
  it('only counts up when the limit is unknown', () => {
    expect(wrapClock(c, undefined, 11_000)).toEqual({ left: null, elapsed: 10, over: false });
  });
});

describe('agent desk: chats within capacity', () => {
  const chat = (id: string, state = 'active') => ({ ...newContact(id, 'q', 'x', state), channel: 'chat' });
  it('has room until the chat capacity is used; wrap-ups do not count', () => {
    expect(hasRoom([chat('1'), chat('2')], 'chat', { chat: 3 })).toBe(true);
    expect(hasRoom([chat('1'), chat('2'), chat('3')], 'chat', { chat: 3 })).toBe(false);
    expect(hasRoom([chat('1'), chat('2'), chat('3', 'wrap_up')], 'chat', { chat: 3 })).toBe(true);
    expect(hasRoom([], 'voice', { chat: 3 })).toBe(false);
  });
  it('lays contacts side by side up to the capacity and lists the rest', () => {
    expect(maxPanes({ chat: 3, voice: 1 })).toBe(4);
    const { panes, more } = layoutPanes([chat('1'), chat('2'), chat('3')], 2);
    expect(panes.map((c) => c.contact)).toEqual(['1', '2']);
    expect(more.map((c) => c.contact)).toEqual(['3']);
  });
  it("lays out as many panes as the agent's own capacity from /me allows", () => {
    expect(maxPanes(capacityOf({ capacity: { chat: 2 } }))).toBe(2);
    expect(maxPanes(capacityOf({ capacity: { chat: 2, voice: 1, email: 5 } }))).toBe(3);
    const { panes, more } = layoutPanes([chat('1'), chat('2'), chat('3')], maxPanes(capacityOf({ capacity: { chat: 2 } })));
    expect(panes.map((c) => c.contact)).toEqual(['1', '2']);
    expect(more.map((c) => c.contact)).toEqual(['3']);
  });
  it('keeps the default capacity while /me has not answered or names no chat or voice', () => {
    expect(capacityOf(null)).toBe(DEFAULT_CAPACITY);
    expect(capacityOf({})).toBe(DEFAULT_CAPACITY);
    expect(capacityOf({ capacity: { email: 2 } })).toBe(DEFAULT_CAPACITY);
    expect(capacityOf({ capacity: { chat: 'two', voice: -1 } })).toBe(DEFAULT_CAPACITY);
    expect(maxPanes(capacityOf(undefined))).toBe(4);
    // An agent for voice only still gets one pane.
    expect(maxPanes(capacityOf({ capacity: { voice: 1 } }))).toBe(1);
    expect(maxPanes(capacityOf({ capacity: { chat: 0 } }))).toBe(1);
  });
});

describe('agent desk: personal figures', () => {
  it("counts today's wrap-ups (Tehran day) and averages their handle time", () => {
    const now = Date.parse('2026-11-22T20:00:00Z'); // 23:30 in Tehran
    const f = todaysFigures(
      [
        { contact: 'a', assignedAt: '2026-11-22T19:00:00Z', endedAt: null, doneAt: '2026-11-22T19:04:00Z' },
        { contact: 'b', assignedAt: '2026-11-22T19:10:00Z', endedAt: null, doneAt: '2026-11-22T19:12:00Z' },
        { contact: 'c', assignedAt: null, endedAt: null, doneAt: '2026-11-22T19:30:00Z' },
        { contact: 'old', assignedAt: '2026-11-22T20:00:00Z', endedAt: null, doneAt: '2026-11-21T20:00:00Z' },
      ],
      now,
    );
    expect(f).toEqual({ handled: 3, ahtS: 180, csat: null, csatCount: 0 });
    expect(todaysFigures([], now)).toEqual({ handled: 0, ahtS: null, csat: null, csatCount: 0 });
    expect(dayOf('2026-11-22T20:31:00Z')).toBe('2026-11-23');
  });
});
