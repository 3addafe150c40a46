import { beforeEach, describe, expect, it } from 'vitest';
import { LiveConnection, liveUrl, type LiveMessage, type LiveState } from '../src/api/live';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  // What the server side does:
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  deliver(data: unknown) {
    this.onmessage?.({ data });
  }
}

function clock() {
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let now = 0;
  let next = 1;
  return {
    setTimeout: (fn: () => void, ms: number) => {
      timers.push({ at: now + ms, fn, id: next });
      return next++;
    },
    clearTimeout: (id: unknown) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    },
    pending: () => timers.map((t) => t.at - now),
  };
}

describe('live connection', () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });

  function connect() {
    const c = clock();
    const live = new LiveConnection('ws://x/ws/agent', { WebSocket: FakeSocket, setTimeout: c.setTimeout, clearTimeout: c.clearTimeout });
    const states: LiveState[] = [];
    live.onState((s) => states.push(s));
    live.start();
    return { live, c, states, socket: () => FakeSocket.all[FakeSocket.all.length - 1] };
  }

  it('asks a URL function again at every reconnect', () => {
    const c = clock();
    let n = 0;
    const live = new LiveConnection(() => `ws://x/ws?since=${n}`, { WebSocket: FakeSocket, setTimeout: c.setTimeout, clearTimeout: c.clearTimeout });
    live.start();
    expect(FakeSocket.all[0].url).toBe('ws://x/ws?since=0');
    n = 42;
    FakeSocket.all[0].drop();
    c.advance(500);
    expect(FakeSocket.all[1].url).toBe('ws://x/ws?since=42');
    live.stop();
  });

  it('builds ws and wss URLs from the page location', () => {
    expect(liveUrl('/ws/agent', { protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/ws/agent');
    expect(liveUrl('/ws/agent', { protocol: 'https:', host: 'cc.example' })).toBe('wss://cc.example/ws/agent');
  });

  it('dispatches JSON messages by type and ignores anything else', () => {
    const { live, socket } = connect();
    socket().accept();
    const offers: LiveMessage[] = [];
    const all: string[] = [];
    live.on('offer', (m) => offers.push(m));
    live.on('*', (m) => all.push(m.type));
    socket().deliver('{"type":"offer","contact":"c1"}');
    socket().deliver('{"type":"queue","waiting":3}');
    socket().deliver('not json');
    socket().deliver('{"no":"type"}');
    socket().deliver(new ArrayBuffer(2));
    expect(offers).toEqual([{ type: 'offer', contact: 'c1' }]);
    expect(all).toEqual(['offer', 'queue']);
  });

  it('queues sends while closed and flushes them in order on open', () => {
    const { live, socket } = connect();
    live.send({ type: 'state', state: 'ready' });
    live.send({ type: 'accept', contact: 'c1' });
    expect(socket().sent).toEqual([]);
    socket().accept();
    expect(socket().sent.map((s) => JSON.parse(s).type)).toEqual(['state', 'accept']);
    live.send({ type: 'reply' });
    expect(socket().sent).toHaveLength(3);
  });

  it('reconnects with doubling delays, reset after a successful open', () => {
    const { c, states, socket } = connect();
    expect(states).toEqual(['connecting']);
    socket().drop();
    expect(c.pending()).toEqual([500]);
    c.advance(500);
    expect(FakeSocket.all).toHaveLength(2);
    socket().drop();
    expect(c.pending()).toEqual([1000]);
    c.advance(1000);
    socket().accept();
    socket().drop();
    expect(c.pending()).toEqual([500]);
    expect(states).toEqual(['connecting', 'closed', 'connecting', 'closed', 'connecting', 'open', 'closed']);
  });

  it('caps the delay at 30 seconds', () => {
    const { c, socket } = connect();
    for (let i = 0; i < 10; i++) {
      socket().drop();
      c.advance(c.pending()[0]);
    }
    socket().drop();
    expect(c.pending()).toEqual([30_000]);
  });

  it('stays closed after stop', () => {
    const { live, c, socket } = connect();
    socket().accept();
    live.stop();
    expect(socket().closed).toBe(true);
    expect(live.state).toBe('closed');
    c.advance(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });
});
