// A live connection to the server over WebSocket: JSON messages with a
// "type" field are dispatched to handlers; the connection reopens by itself
// with exponential back-off (0.5 s doubling to 30 s) and sends queued while
// closed go out, in order, once it is open again. For the agent desktop and
// the wallboard. Time and the WebSocket class are injected for tests.

export type LiveState = 'connecting' | 'open' | 'closed';
export interface LiveMessage {
  type: string;
  [k: string]: unknown;
}

interface SocketLike {
  readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface LiveOptions {
  WebSocket?: new (url: string) => SocketLike;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
  maxQueued?: number;
}

const OPEN = 1;

// ws:// or wss:// URL for a server path, from the page's own location.
export function liveUrl(path: string, location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

export class LiveConnection {
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private delay: number;
  private stopped = false;
  private queue: string[] = [];
  private handlers = new Map<string, Set<(m: LiveMessage) => void>>();
  private stateSubs = new Set<(s: LiveState) => void>();
  private current: LiveState = 'closed';
  private readonly o: Required<LiveOptions>;

  // `url` may be a function, asked at every (re)connect: the agent desktop
  // adds ?since=<last seq seen> so missed events are replayed.
  constructor(private readonly url: string | (() => string), options: LiveOptions = {}) {
    this.o = {
      WebSocket: options.WebSocket ?? (globalThis.WebSocket as unknown as new (url: string) => SocketLike),
      setTimeout: options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms)),
      clearTimeout: options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as number)),
      minDelayMs: options.minDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      maxQueued: options.maxQueued ?? 100,
    };
    this.delay = this.o.minDelayMs;
  }

  get state(): LiveState {
    return this.current;
  }

  start(): void {
    this.stopped = false;
    if (!this.socket && this.timer === null) this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.o.clearTimeout(this.timer);
    this.timer = null;
    const s = this.socket;
    this.socket = null;
    if (s) s.close();
    this.setState('closed');
  }

  // Registers a handler for messages of `type` ("*" for all).
  on(type: string, fn: (m: LiveMessage) => void): () => void {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type)!.add(fn);
    return () => this.handlers.get(type)?.delete(fn);
  }

  onState(fn: (s: LiveState) => void): () => void {
    this.stateSubs.add(fn);
    return () => this.stateSubs.delete(fn);
  }

  // Sends now if open, else queues (dropping the oldest beyond maxQueued).
  send(message: LiveMessage): void {
    const text = JSON.stringify(message);
    if (this.socket && this.socket.readyState === OPEN) {
      this.socket.send(text);
      return;
    }
    this.queue.push(text);
    if (this.queue.length > this.o.maxQueued) this.queue.shift();
  }

  private setState(s: LiveState): void {
    if (s === this.current) return;
    this.current = s;
    for (const fn of [...this.stateSubs]) fn(s);
  }

  private open(): void {
    this.timer = null;
    this.setState('connecting');
    let s: SocketLike;
    try {
      s = new this.o.WebSocket(typeof this.url === 'function' ? this.url() : this.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = s;
    s.onopen = () => {
      if (this.socket !== s) return;
      this.delay = this.o.minDelayMs;
      this.setState('open');
      const pending = this.queue;
      this.queue = [];
      for (const text of pending) s.send(text);
    };
    s.onmessage = (ev) => this.dispatch(ev.data);
    s.onerror = () => {};
    s.onclose = () => {
      if (this.socket !== s) return;
      this.socket = null;
      this.retry();
    };
  }

  private retry(): void {
    this.setState('closed');
    if (this.stopped) return;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, this.o.maxDelayMs);
    this.timer = this.o.setTimeout(() => this.open(), wait);
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let m: unknown;
    try {
      m = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof m !== 'object' || m === null || typeof (m as LiveMessage).type !== 'string') return;
    const msg = m as LiveMessage;
    for (const key of [msg.type, '*']) for (const fn of [...(this.handlers.get(key) ?? [])]) fn(msg);
  }
}
