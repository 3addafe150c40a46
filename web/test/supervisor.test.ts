import { describe, expect, it } from 'vitest';
import {
  allowedChanges,
  countByState,
  emptyBoard,
  longestWaitNow,
  readAgent,
  reduceBoard,
  secondsInState,
  slStatus,
  sortedAgents,
  withSince,
  type BoardState,
} from '../src/screens/supervisor/board';
import { DEFAULT_TARGET, queueInfo, queueTarget, serviceLevelFor } from '../src/screens/supervisor/targets';
import { normalizeStrategy } from '../src/strategy/normalize';
import automotive from './fixtures/automotive-compiled.json';

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const queue = (over: Record<string, unknown> = {}) => ({
  queue: 'sales', waiting: 0, longest_wait_s: 0, serving_agents: 1, offered: 0, answered: 0, abandoned: 0,
  completed: 0, overflowed: 0, service_level: 1, asa_s: 0, aht_s: 0, occupancy: 0, ...over,
});
const agent = (over: Record<string, unknown> = {}) => ({
  agent: 'ali', name: 'Ali', state: 'ready', reason: '', since: '2026-11-22T09:59:00.000Z', contacts: [], ...over,
});
const msg = (m: Record<string, unknown>, now = T0) => ({ kind: 'message' as const, message: { type: String(m.type), ...m }, now });

function snapshot(seq: number): BoardState {
  return reduceBoard(emptyBoard, msg({ type: 'snapshot', seq, data: { queues: [queue()], agents: [agent()] } }));
}

describe('the wallboard reducer', () => {
  it('starts from the REST answers and replaces them with the socket snapshot', () => {
    let s = reduceBoard(emptyBoard, { kind: 'rest', queues: [queue({ waiting: 4 })], agents: [{ ...agent(), offers: [], contacts: [] }], now: T0 });
    expect(s.queues.sales.waiting).toBe(4);
    expect(s.agents.ali.state).toBe('ready');
    s = reduceBoard(s, msg({ type: 'snapshot', seq: 7, data: { queues: [queue({ waiting: 1 })], agents: [] } }));
    expect(s.queues.sales.waiting).toBe(1);
    expect(s.agents).toEqual({});
    expect(s.seq).toBe(7);
  });

  it('applies queue and agent events in order and ignores repeats and older ones', () => {
    let s = snapshot(10);
    s = reduceBoard(s, msg({ seq: 11, type: 'queue_stats', at: '2026-11-22T10:00:00.000Z', data: queue({ waiting: 3, longest_wait_s: 12 }) }));
    expect(s.queues.sales.waiting).toBe(3);
    s = reduceBoard(s, msg({ seq: 12, type: 'agent_status', at: '2026-11-22T10:00:00.000Z', data: agent({ state: 'not_ready', reason: 'supervisor' }) }));
    expect(s.agents.ali).toMatchObject({ state: 'not_ready', reason: 'supervisor' });
    // A replayed (older or equal) event changes nothing.
    const again = reduceBoard(s, msg({ seq: 11, type: 'queue_stats', data: queue({ waiting: 0 }) }));
    expect(again).toBe(s);
    expect(reduceBoard(s, msg({ seq: 5, type: 'agent_status', data: agent({ state: 'ready' }) })).agents.ali.state).toBe('not_ready');
  });

  it('keeps agents\' engine figures apart from their desk state', () => {
    let s = snapshot(1);
    s = reduceBoard(s, msg({ seq: 2, type: 'agent_stats', data: { agent: 'ali', handled: 5, occupancy: 0.5 } }));
    s = reduceBoard(s, msg({ seq: 3, type: 'agent_status', data: agent({ state: 'busy' }) }));
    expect(s.agentStats.ali).toEqual({ handled: 5, occupancy: 0.5 });
    expect(s.agents.ali.state).toBe('busy');
  });

  it('takes a new snapshot after a reconnect even when the server restarted with lower numbers', () => {
    const s = reduceBoard(snapshot(500), msg({ type: 'snapshot', seq: 3, data: { queues: [], agents: [agent({ state: 'logged_out' })] } }));
    expect(s.seq).toBe(3);
    expect(reduceBoard(s, msg({ seq: 4, type: 'agent_status', data: agent({ state: 'ready' }) })).agents.ali.state).toBe('ready');
  });

  it('ignores messages it does not know and ones without a sequence number', () => {
    const s = snapshot(1);
    expect(reduceBoard(s, msg({ type: 'replay_incomplete' }))).toBe(s);
    expect(reduceBoard(s, msg({ seq: 2, type: 'something_new', data: {} })).queues).toBe(s.queues);
  });

  it('reads offers and contacts of both agent shapes', () => {
    expect(readAgent({ agent: 'a', offers: [{ contact: 'I-1', queue: 'sales' }], contacts: [{ contact: 'I-2', state: 'active' }] })!.contacts).toEqual([
      { contact: 'I-1', state: 'offered', queue: 'sales' },
      { contact: 'I-2', state: 'active', queue: '' },
    ]);
    expect(readAgent({ agent: 'a', contacts: [{ contact: 'I-1', state: 'offered' }] })!.contacts[0].state).toBe('offered');
    expect(readAgent({ name: 'no id' })).toBeUndefined();
  });

  it('estimates the server clock from event times (the largest offset seen)', () => {
    let s = snapshot(1);
    // Server 5 s ahead, the event took 0.2 s to arrive.
    s = reduceBoard(s, msg({ seq: 2, type: 'agent_stats', at: new Date(T0 + 4800).toISOString(), data: { agent: 'ali' } }, T0));
    s = reduceBoard(s, msg({ seq: 3, type: 'agent_stats', at: new Date(T0 + 1000).toISOString(), data: { agent: 'ali' } }, T0 + 1000));
    expect(s.skewMs).toBe(4800);
  });
});

describe('service-level colours', () => {
  const q = (sl: number, answered = 10, abandoned = 0) => ({ serviceLevel: sl, answered, abandoned });
  it('is green at or above target, amber within 10 points below, red further below', () => {
    expect(slStatus(q(0.8), 0.8)).toBe('ok');
    expect(slStatus(q(0.95), 0.8)).toBe('ok');
    expect(slStatus(q(0.79), 0.8)).toBe('warn');
    expect(slStatus(q(0.7), 0.8)).toBe('warn');
    expect(slStatus(q(0.69), 0.8)).toBe('bad');
    expect(slStatus(q(0), 0.9)).toBe('bad');
  });
  it('has no colour before anything was answered or abandoned', () => {
    expect(slStatus(q(1, 0, 0), 0.8)).toBe('none');
    expect(slStatus(q(0, 0, 1), 0.8)).toBe('bad');
  });
});

describe('ticking figures', () => {
  it('lets the longest wait grow from when the figure arrived, while someone waits', () => {
    const q = { waiting: 2, longestWaitS: 30, receivedAt: T0 };
    expect(longestWaitNow(q, T0)).toBe(30);
    expect(longestWaitNow(q, T0 + 15_000)).toBe(45);
    expect(longestWaitNow({ ...q, waiting: 0 }, T0 + 15_000)).toBe(0);
  });
  it('counts whole seconds in state on the server clock, never below zero', () => {
    const a = { since: T0 };
    expect(secondsInState(a, T0 + 65_900)).toBe(65);
    expect(secondsInState(a, T0 + 60_000, 5_000)).toBe(65);
    expect(secondsInState(a, T0 - 2_000)).toBe(0);
    expect(secondsInState({ since: undefined }, T0)).toBeUndefined();
  });
});

describe('agents list', () => {
  it('sorts working states first, then by name, and counts per state', () => {
    const s = reduceBoard(emptyBoard, { kind: 'rest', queues: [], now: T0, agents: [
      agent({ agent: 'z', name: 'Zahra', state: 'not_ready' }),
      agent({ agent: 'b', name: 'Babak', state: 'ready' }),
      agent({ agent: 'a', name: 'Ali', state: 'busy' }),
      agent({ agent: 'c', name: 'Cyrus', state: 'ready' }),
    ] });
    expect(sortedAgents(s.agents).map((a) => a.agent)).toEqual(['b', 'c', 'a', 'z']);
    expect(countByState(Object.values(s.agents))).toMatchObject({ ready: 2, busy: 1, not_ready: 1, logged_out: 0 });
  });
  it('offers only the changes that make sense', () => {
    expect(allowedChanges('ready')).toEqual(['not_ready', 'logged_out']);
    expect(allowedChanges('not_ready')).toEqual(['ready', 'logged_out']);
    expect(allowedChanges('busy')).toEqual(['not_ready', 'logged_out']);
    expect(allowedChanges('logged_out')).toEqual([]);
  });
  it('reconnects asking for events after the last one seen', () => {
    expect(withSince('ws://h/api/v1/supervisor/ws', -1)).toBe('ws://h/api/v1/supervisor/ws');
    expect(withSince('ws://h/api/v1/supervisor/ws', 42)).toBe('ws://h/api/v1/supervisor/ws?since=42');
    expect(withSince('ws://h/x?a=1', 0)).toBe('ws://h/x?a=1&since=0');
  });
});

describe('queue targets from the strategy', () => {
  const view = normalizeStrategy(automotive);
  it('picks the most specific service level of the first rule to each queue', () => {
    expect(queueTarget(view, 'complaints')).toMatchObject({ percent: 80, thresholdS: 30, fromStrategy: true });
    expect(queueTarget(view, 'written')).toMatchObject({ percent: 90, business: true });
    expect(queueTarget(view, 'nobody_routes_here')).toBe(DEFAULT_TARGET);
    expect(Object.keys(queueInfo(view)).sort()).toEqual(['after_sales', 'complaints', 'fleet', 'operator', 'sales', 'written']);
  });
  it('prefers fewer wildcards and the earlier entry on a tie', () => {
    const levels = [
      { type: '*', channel: 'voice', segment: '*', percent: 80, business: false, hours: '' },
      { type: 'complaint', channel: 'voice', segment: '*', percent: 70, business: false, hours: '' },
      { type: '*', channel: '*', segment: '*', percent: 60, business: false, hours: '' },
      { type: '*', channel: 'voice', segment: '*', percent: 50, business: false, hours: '' },
    ];
    expect(serviceLevelFor(levels, 'complaint', 'voice', '*')!.percent).toBe(70);
    expect(serviceLevelFor(levels, 'sales', 'voice', '*')!.percent).toBe(80);
    expect(serviceLevelFor(levels, 'sales', 'chat', '*')!.percent).toBe(60);
  });
});
