// The customer's side of the chat protocol (docs/chat.md) as a state
// machine without DOM: frames in, state out, frames to send. The view
// (view.ts) renders the state; the connection (connection.ts) carries frames
// and reconnects. Kept pure so vitest can drive it frame by frame.

export type Phase = 'start' | 'connecting' | 'waiting' | 'chatting' | 'ended';

export interface ChatMessage {
  from: 'customer' | 'agent';
  text: string;
  seq?: number; // set once the server stored it
  id?: string; // the customer's own id, echoed in the ack
}

export interface ChatState {
  phase: Phase;
  token?: string;
  interaction?: string;
  position?: number;
  ewt?: number; // seconds
  agent?: string;
  joinedAt?: number; // how many messages there were when the agent joined
  hadAgent: boolean;
  onHold: boolean;
  agentTyping: boolean;
  messages: ChatMessage[];
  outcome?: string;
  error?: string; // an error code of the protocol
  fieldErrors: Record<string, string>;
  notice?: 'joined' | 'onHold' | 'offHold' | 'transferred' | 'reconnected';
}

export function initialState(): ChatState {
  return { phase: 'start', hadAgent: false, onHold: false, agentTyping: false, messages: [], fieldErrors: {} };
}

export function lastSeq(s: ChatState): number {
  return s.messages.reduce((m, x) => Math.max(m, x.seq ?? 0), 0);
}

type Frame = Record<string, unknown> & { type?: unknown };

function merge(messages: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const known = new Set(messages.map((m) => m.seq).filter((x) => x !== undefined));
  const out = messages.slice();
  for (const m of incoming) if (m.seq === undefined || !known.has(m.seq)) out.push(m);
  return out.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
}

function fromServer(list: unknown): ChatMessage[] {
  if (!Array.isArray(list)) return [];
  return list.map((m: { seq?: number; from?: string; text?: string }) => ({
    seq: m.seq,
    from: m.from === 'agent' ? 'agent' : 'customer',
    text: String(m.text ?? ''),
  }));
}

// The state after one server frame.
export function reduce(s: ChatState, f: Frame): ChatState {
  const n: ChatState = { ...s, notice: undefined, error: undefined };
  switch (f.type) {
    case 'accepted':
      return { ...n, phase: 'waiting', token: String(f.chat_token), interaction: String(f.interaction), fieldErrors: {} };
    case 'resumed': {
      const state = String(f.state ?? '');
      const phase: Phase = state === 'active' || state === 'wrapup' ? 'chatting' : 'waiting';
      return { ...n, phase, interaction: String(f.interaction ?? s.interaction), messages: merge(s.messages, fromServer(f.messages)), notice: 'reconnected' };
    }
    case 'queue':
      return { ...n, phase: 'waiting', position: Number(f.position), ewt: Number(f.ewt_s) };
    case 'agent_joined':
      return { ...n, phase: 'chatting', agent: String(f.agent ?? ''), joinedAt: s.messages.length, hadAgent: true, notice: 'joined' };
    case 'message':
      return { ...n, agentTyping: false, messages: merge(s.messages, [{ seq: Number(f.seq), from: 'agent', text: String(f.text ?? '') }]) };
    case 'ack':
      return { ...n, messages: s.messages.map((m) => (m.id !== undefined && m.id === f.id ? { ...m, seq: Number(f.seq) } : m)) };
    case 'typing':
      return { ...n, agentTyping: true };
    case 'on_hold':
      return { ...n, onHold: true, notice: 'onHold' };
    case 'off_hold':
      return { ...n, onHold: false, notice: 'offHold' };
    case 'transferred':
      return { ...n, phase: 'waiting', agent: undefined, notice: 'transferred' };
    case 'ended':
      return { ...n, phase: 'ended', agentTyping: false, outcome: typeof f.outcome === 'string' ? f.outcome : undefined };
    case 'transcript':
      return { ...n, messages: merge(s.messages, fromServer(f.messages)) };
    case 'error': {
      const code = String(f.code ?? 'generic');
      if (code === 'invalid_fields') {
        const fields = (f.fields ?? {}) as Record<string, string>;
        return { ...n, phase: s.token ? s.phase : 'start', error: code, fieldErrors: fields };
      }
      if (code === 'unknown_chat' || code === 'not_in_chat') return { ...initialState(), error: code === 'unknown_chat' ? undefined : code };
      if (code === 'unavailable' && !s.token) return { ...n, phase: 'start', error: code };
      return { ...n, error: code };
    }
    default:
      return s;
  }
}

// The customer writes: the message shows at once; the ack gives it a seq.
export function addOwnMessage(s: ChatState, text: string, id: string): ChatState {
  return { ...s, messages: [...s.messages, { from: 'customer', text, id }] };
}

// Whether to offer a callback or a web form instead of waiting (R43).
export function waitIsLong(s: ChatState, thresholdSeconds: number): boolean {
  return s.phase === 'waiting' && s.ewt !== undefined && s.ewt > thresholdSeconds;
}

// The default R43 threshold when the strategy has no chat service level.
export const DEFAULT_LONG_WAIT_S = 120;
