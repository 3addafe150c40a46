// The agent desktop's controller: one store with the desk state (model.ts),
// the live connection (WS /api/v1/agent/ws, resumed with ?since=<last seq>)
// and the actions, each a call of the agent API. Screens subscribe to
// `desk.store`; an offer event is applied synchronously as it arrives, so
// the offer renders straight from the event (no fetch in between).
import { LiveConnection, liveUrl, type LiveMessage, type LiveOptions, type LiveState } from '../../api/live';
import type { ApiResult } from '../../api/client';
import { createStore, type Store } from '../../lib/store';
import { targetParts, type ConsultTarget } from './consult';
import {
  dropOffer,
  emptyDesk,
  fromSnapshot,
  reduce,
  withDetails,
  withConsult,
  withOwnMessage,
  type ContactDetails,
  type DeskSnapshot,
  type DeskState,
  type LiveEvent,
} from './model';

export interface DeskView {
  desk: DeskState;
  live: LiveState;
  // The last failed action, as a message key suffix and the server's text.
  error: { action: string; status: number; message: string } | null;
  loaded: boolean;
}

export interface DeskApi {
  get<T>(path: string): Promise<ApiResult<T>>;
  send<T>(method: 'POST' | 'PUT', path: string, body?: unknown): Promise<ApiResult<T>>;
}

export interface DeskDeps {
  api: DeskApi;
  location?: { protocol: string; host: string };
  live?: LiveOptions;
  now?: () => number;
}

const TYPING_EVERY_MS = 3000;

export class Desk {
  readonly store: Store<DeskView>;
  private conn: LiveConnection | null = null;
  private helloSeq = 0;
  private detailsAsked = new Set<string>();
  private lastTyping = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly deps: DeskDeps) {
    this.store = createStore<DeskView>({ desk: emptyDesk(), live: 'closed', error: null, loaded: false });
    this.now = deps.now ?? Date.now;
  }

  get state(): DeskState {
    return this.store.get().desk;
  }

  // What the desk knows, for a failing end-to-end test to print.
  debug(): { view: DeskView; helloSeq: number; now: number } {
    return { view: this.store.get(), helloSeq: this.helloSeq, now: this.now() };
  }

  private setDesk(fn: (d: DeskState) => DeskState): void {
    const v = this.store.get();
    const next = fn(v.desk);
    if (next !== v.desk) this.store.set({ ...v, desk: next });
    this.askDetails();
  }

  // Connects the live feed. The first connection asks for every event the
  // server still holds (?since=0): the contacts finished today feed the
  // personal figures; later ones resume after the last seq seen.
  start(): void {
    if (this.conn) return;
    const loc = this.deps.location ?? globalThis.location;
    const conn = new LiveConnection(() => liveUrl(`/api/v1/agent/ws?since=${this.state.lastSeq}`, loc), this.deps.live);
    this.conn = conn;
    conn.onState((s) => this.store.patch({ live: s }));
    conn.on('*', (m) => this.onFrame(m));
    conn.start();
    void this.refresh();
  }

  stop(): void {
    this.conn?.stop();
    this.conn = null;
  }

  onFrame(m: LiveMessage): void {
    if (m.type === 'hello') {
      this.helloSeq = typeof m.seq === 'number' ? m.seq : 0;
      // A server that restarted counts its events from 0 again.
      if (this.helloSeq < this.state.lastSeq) this.setDesk((d) => ({ ...d, lastSeq: this.helloSeq }));
      void this.refresh();
      return;
    }
    if (m.type === 'replay_incomplete') {
      this.setDesk((d) => ({ ...d, historyIncomplete: true }));
      return;
    }
    if (typeof m.seq !== 'number' || typeof m.data !== 'object' || m.data === null) return;
    const e = m as unknown as LiveEvent;
    const replay = e.seq <= this.helloSeq;
    this.setDesk((d) => reduce(d, e, this.now(), replay));
  }

  // Re-reads GET /api/v1/agent (after every connect and after errors).
  async refresh(): Promise<void> {
    const asked = this.now();
    const r = await this.deps.api.get<DeskSnapshot>('/api/v1/agent');
    if (!r.ok) return this.fail('load', r);
    this.store.patch({ loaded: true });
    this.setDesk((d) => fromSnapshot(d, r.data, this.now(), asked));
  }

  private fail(action: string, r: { status: number; message?: string }): void {
    this.store.patch({ error: { action, status: r.status, message: r.message ?? '' } });
  }

  clearError(): void {
    this.store.patch({ error: null });
  }

  private async call(action: string, path: string, body?: unknown): Promise<boolean> {
    const r = await this.deps.api.send('POST', path, body);
    if (!r.ok) {
      this.fail(action, r);
      if (r.status === 409 || r.status === 404) void this.refresh();
      return false;
    }
    this.clearError();
    return true;
  }

  async login(): Promise<void> {
    const asked = this.now();
    const r = await this.deps.api.send<DeskSnapshot>('POST', '/api/v1/agent/login');
    if (!r.ok) return this.fail('login', r);
    this.clearError();
    this.setDesk((d) => fromSnapshot(d, r.data, this.now(), asked));
  }

  async logout(): Promise<void> {
    if (await this.call('logout', '/api/v1/agent/logout')) await this.refresh();
  }

  async setReady(): Promise<void> {
    await this.call('state', '/api/v1/agent/state', { state: 'ready' });
  }

  async setNotReady(reason: string): Promise<void> {
    await this.call('state', '/api/v1/agent/state', { state: 'not_ready', reason });
  }

  async accept(contact: string): Promise<void> {
    await this.call('accept', `/api/v1/agent/offers/${encodeURIComponent(contact)}/accept`);
  }

  async reject(contact: string): Promise<void> {
    if (await this.call('reject', `/api/v1/agent/offers/${encodeURIComponent(contact)}/reject`)) this.setDesk((d) => dropOffer(d, contact));
  }

  private contactPath(contact: string, action: string): string {
    return `/api/v1/agent/contacts/${encodeURIComponent(contact)}/${action}`;
  }

  async sendMessage(contact: string, text: string): Promise<boolean> {
    const r = await this.deps.api.send<{ seq: number }>('POST', this.contactPath(contact, 'messages'), { text });
    if (!r.ok) {
      this.fail('message', r);
      return false;
    }
    this.clearError();
    this.setDesk((d) => withOwnMessage(d, contact, r.data.seq, text, new Date(this.now()).toISOString()));
    return true;
  }

  // Tells the customer the agent is typing, at most every 3 s per contact.
  typing(contact: string): void {
    const last = this.lastTyping.get(contact) ?? -Infinity;
    const now = this.now();
    if (now - last < TYPING_EVERY_MS) return;
    this.lastTyping.set(contact, now);
    void this.deps.api.send('POST', this.contactPath(contact, 'typing'));
  }

  hold(contact: string): Promise<boolean> {
    return this.call('hold', this.contactPath(contact, 'hold'));
  }

  resume(contact: string): Promise<boolean> {
    return this.call('resume', this.contactPath(contact, 'resume'));
  }

  end(contact: string): Promise<boolean> {
    return this.call('end', this.contactPath(contact, 'end'));
  }

  transfer(contact: string, to: { queue: string } | { agent: string }): Promise<boolean> {
    return this.call('transfer', this.contactPath(contact, 'transfer'), to);
  }

  // Consult (voice): call a third party while the customer holds; then
  // complete (the customer goes to them) or cancel (back to the customer).
  async consult(contact: string, to: ConsultTarget): Promise<boolean> {
    const ok = await this.call('consult', this.contactPath(contact, 'consult'), to);
    // The feed's consult_started may already have come; it knows better.
    if (ok) this.setDesk((d) => (d.contacts.find((c) => c.contact === contact)?.consult ? d : withConsult(d, contact, { phase: 'asked', ...targetParts(to) })));
    return ok;
  }

  async consultComplete(contact: string): Promise<boolean> {
    const ok = await this.call('consultComplete', this.contactPath(contact, 'consult/complete'));
    if (ok) this.setDesk((d) => withConsult(d, contact, null));
    return ok;
  }

  async consultCancel(contact: string): Promise<boolean> {
    const ok = await this.call('consultCancel', this.contactPath(contact, 'consult/cancel'));
    if (ok) this.setDesk((d) => withConsult(d, contact, null));
    return ok;
  }

  wrapUp(contact: string, disposition: string, notes: string): Promise<boolean> {
    return this.call('wrapup', this.contactPath(contact, 'wrapup'), notes ? { disposition, notes } : { disposition });
  }

  // Loads the interaction and transcript of contacts the desk has not read yet.
  private askDetails(): void {
    for (const c of this.state.contacts) {
      if (c.channel !== null || this.detailsAsked.has(c.contact)) continue;
      this.detailsAsked.add(c.contact);
      void this.deps.api.get<ContactDetails>(`/api/v1/agent/contacts/${encodeURIComponent(c.contact)}`).then((r) => {
        if (r.ok) this.setDesk((d) => withDetails(d, r.data));
        else this.detailsAsked.delete(c.contact);
      });
    }
  }
}
