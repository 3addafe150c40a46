// The chat's WebSocket (/api/v1/chat/ws) with reconnection: after a drop it
// reconnects with a growing delay (1 s, 2 s, 4 s … 15 s), reads the
// transcript over HTTP (GET /api/v1/chat/transcript) and sends `resume`
// with the last seq it has, then flushes what the customer wrote meanwhile.
// The chat token lives in sessionStorage, so a page reload resumes too.

export interface ConnectionEvents {
  frame: (f: Record<string, unknown>) => void;
  online: (up: boolean) => void;
}

export class ChatConnection {
  private ws: WebSocket | null = null;
  private outbox: string[] = [];
  private retry = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  token: string | undefined;
  after = 0;

  constructor(
    private readonly origin: string,
    private readonly storageKey: string,
    private readonly events: ConnectionEvents,
  ) {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as { token?: string } | null;
      this.token = saved?.token;
    } catch {
      this.token = undefined;
    }
  }

  // Opens the socket; `first` is sent once it is open (start), unless a
  // token is known, in which case the chat is resumed.
  open(first?: Record<string, unknown>): void {
    this.closed = false;
    if (first) this.outbox.unshift(JSON.stringify(first));
    this.connect();
  }

  send(frame: Record<string, unknown>): void {
    const text = JSON.stringify(frame);
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(text);
    else if (frame.type === 'message') this.outbox.push(text);
  }

  remember(token: string | undefined): void {
    this.token = token;
    try {
      if (token) sessionStorage.setItem(this.storageKey, JSON.stringify({ token }));
      else sessionStorage.removeItem(this.storageKey);
    } catch {
      // storage disabled: the chat survives drops but not reloads
    }
  }

  // The conversation is over: no more reconnecting.
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.remember(undefined);
    this.ws?.close();
    this.ws = null;
    this.outbox = [];
  }

  async transcript(): Promise<Record<string, unknown> | null> {
    if (!this.token) return null;
    try {
      const r = await fetch(`${this.origin}/api/v1/chat/transcript?token=${encodeURIComponent(this.token)}`);
      return r.ok ? { type: 'transcript', ...(await r.json()) } : null;
    } catch {
      return null;
    }
  }

  private connect(): void {
    const url = `${this.origin.replace(/^http/, 'ws')}/api/v1/chat/ws`;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = async () => {
      this.retry = 0;
      this.events.online(true);
      if (this.token) {
        const t = await this.transcript();
        if (t) this.events.frame(t);
        ws.send(JSON.stringify({ type: 'resume', chat_token: this.token, after: this.after }));
        this.outbox = this.outbox.filter((f) => !f.includes('"type":"start"'));
      }
      for (const f of this.outbox.splice(0)) ws.send(f);
    };
    ws.onmessage = (e) => {
      try {
        this.events.frame(JSON.parse(String(e.data)));
      } catch {
        // not JSON: ignore
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws || this.closed) return;
      this.ws = null;
      this.events.online(false);
      if (!this.token) return; // nothing to resume: the customer starts again
      const delay = Math.min(15000, 1000 * 2 ** this.retry++);
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }
}
