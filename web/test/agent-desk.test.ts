import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../src/api/client';
import { Desk } from '../src/screens/agent/desk';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send() {}
  close() {}
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  frame(m: unknown) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
}

const snapshot = { agent: 'sara', name: 'Sara', state: 'ready', reason: '', since: '2026-11-22T10:00:00.000Z', offers: [], contacts: [] };

function setup(answers: Record<string, ApiResult<unknown>> = {}) {
  FakeSocket.all = [];
  const calls: string[] = [];
  const timers: (() => void)[] = [];
  const ok = (data: unknown): ApiResult<unknown> => ({ ok: true, status: 200, data });
  const api = {
    get: async <T,>(path: string) => {
      calls.push(`GET ${path}`);
      if (path === '/api/v1/agent') return ok(snapshot) as ApiResult<T>;
      return (answers[`GET ${path}`] ?? { ok: false, status: 404, code: 'not_found', message: 'no' }) as ApiResult<T>;
    },
    send: async <T,>(method: string, path: string, body?: unknown) => {
      calls.push(`${method} ${path} ${body === undefined ? '' : JSON.stringify(body)}`.trim());
      return (answers[`${method} ${path}`] ?? ok({ ok: true })) as ApiResult<T>;
    },
  };
  let now = 1000;
  const desk = new Desk({
    api,
    location: { protocol: 'http:', host: 'cc' },
    live: { WebSocket: FakeSocket, setTimeout: (fn) => timers.push(fn), clearTimeout: () => {} },
    now: () => now,
  });
  return { desk, calls, timers, tick: (ms: number) => (now += ms), socket: () => FakeSocket.all[FakeSocket.all.length - 1] };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('agent desk controller', () => {
  it('asks for the replayable history first, then resumes after the last event seen', async () => {
    const { desk, timers, socket } = setup();
    desk.start();
    expect(socket().url).toBe('ws://cc/api/v1/agent/ws?since=0');
    socket().open();
    socket().frame({ type: 'hello', seq: 5, agent: 'sara', state: 'ready' });
    socket().frame({ seq: 7, type: 'agent_state', at: 'T', data: { state: 'not_ready', reason: 'lunch', since: 'T' } });
    socket().drop();
    timers.shift()!();
    expect(socket().url).toBe('ws://cc/api/v1/agent/ws?since=7');
    desk.stop();
  });

  it('starts counting again when the server restarted (its hello seq is lower)', () => {
    const { desk, socket, timers } = setup();
    desk.start();
    socket().open();
    socket().frame({ type: 'hello', seq: 50 });
    socket().frame({ seq: 51, type: 'agent_state', at: 'T', data: { state: 'ready', since: 'T' } });
    socket().drop();
    timers.shift()!();
    socket().open();
    socket().frame({ type: 'hello', seq: 3 });
    socket().frame({ seq: 4, type: 'agent_state', at: 'T', data: { state: 'not_ready', reason: 'login', since: 'T' } });
    expect(desk.state.state).toBe('not_ready');
    desk.stop();
  });

  it('puts an offer into the store in the same turn as the event arrives', async () => {
    const { desk, socket } = setup();
    desk.start();
    socket().open();
    socket().frame({ type: 'hello', seq: 1 });
    await flush();
    const seen: string[] = [];
    desk.store.subscribe((v) => seen.push(...v.desk.offers.map((o) => o.contact)));
    socket().frame({ seq: 2, type: 'offer', at: '2026-11-22T10:00:00.000Z', data: { contact: 'I-000001', queue: 'sales', timeout_ms: 20000 } });
    expect(seen).toContain('I-000001');
    expect(desk.state.offers[0].deadline).toBe(21000);
    desk.stop();
  });

  it('loads the details of a new contact and adds the agent’s own messages by their seq', async () => {
    const { desk, socket, calls } = setup({
      'GET /api/v1/agent/contacts/I-000001': { ok: true, status: 200, data: { contact: 'I-000001', state: 'active', queue: 'q', since: 'x', interaction: { channel: 'chat', type: 'general', fields: {} }, messages: [{ seq: 1, from: 'customer', text: 'hi', at: 'x' }] } },
      'POST /api/v1/agent/contacts/I-000001/messages': { ok: true, status: 201, data: { seq: 2 } },
    });
    desk.start();
    socket().open();
    socket().frame({ type: 'hello', seq: 0 });
    socket().frame({ seq: 1, type: 'contact_assigned', at: 'T', data: { contact: 'I-000001', queue: 'q' } });
    await flush();
    expect(calls).toContain('GET /api/v1/agent/contacts/I-000001');
    expect(await desk.sendMessage('I-000001', 'hello')).toBe(true);
    expect(desk.state.contacts[0].messages.map((m) => [m.seq, m.from, m.text])).toEqual([
      [1, 'customer', 'hi'],
      [2, 'agent', 'hello'],
    ]);
    desk.stop();
  });

  it('sends typing at most every three seconds per contact', () => {
    const { desk, calls, tick } = setup();
    desk.typing('I-1');
    desk.typing('I-1');
    tick(3000);
    desk.typing('I-1');
    expect(calls.filter((c) => c.includes('/typing'))).toHaveLength(2);
  });

  it('reports a refused action and re-reads the desk after a conflict', async () => {
    const { desk, calls } = setup({ 'POST /api/v1/agent/offers/I-9/accept': { ok: false, status: 409, code: 'conflict', message: 'not offered' } });
    await desk.accept('I-9');
    expect(desk.store.get().error).toEqual({ action: 'accept', status: 409, message: 'not offered' });
    expect(calls).toContain('GET /api/v1/agent');
  });

  it('sends state, transfer and wrap-up bodies as the API expects', async () => {
    const { desk, calls } = setup();
    await desk.setNotReady('lunch');
    await desk.transfer('I-1', { queue: 'sales' });
    await desk.wrapUp('I-1', 'resolved', '');
    await desk.wrapUp('I-1', 'resolved', 'done');
    expect(calls).toEqual([
      'POST /api/v1/agent/state {"state":"not_ready","reason":"lunch"}',
      'POST /api/v1/agent/contacts/I-1/transfer {"queue":"sales"}',
      'POST /api/v1/agent/contacts/I-1/wrapup {"disposition":"resolved"}',
      'POST /api/v1/agent/contacts/I-1/wrapup {"disposition":"resolved","notes":"done"}',
    ]);
  });
});
