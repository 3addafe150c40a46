// The wallboard's state and the pure rules behind it: what the server says
// about queues and agents (GET /api/v1/queues, GET /api/v1/agents, then the
// events of WS /api/v1/supervisor/ws), folded by one reducer; service-level
// colours; waits and times in state that tick between updates. No clock
// reads here: `now` (local epoch ms) is always passed in.
import { isObj, num, str } from '../../strategy/read';
import type { LiveMessage } from '../../api/live';

export interface QueueFigures {
  queue: string;
  waiting: number;
  longestWaitS: number;
  servingAgents: number;
  offered: number;
  answered: number;
  abandoned: number;
  completed: number;
  overflowed: number;
  serviceLevel: number; // 0..1, answered within threshold / (answered + abandoned)
  asaS: number;
  ahtS: number;
  occupancy: number; // 0..1
  receivedAt: number; // local ms when these figures arrived (longest wait ticks from it)
}

export interface AgentContact {
  contact: string;
  state: string; // offered, active, held, wrap_up...
  queue: string;
}

export interface AgentRow {
  agent: string; // the user name, the id of POST /api/v1/agents/{agent}/state
  name: string;
  state: string; // logged_out, ready, not_ready, reserved, busy, wrap_up
  reason: string;
  since: number | undefined; // server epoch ms the state began
  contacts: AgentContact[];
}

export interface AgentFigures {
  handled: number;
  occupancy: number;
}

export interface BoardState {
  queues: Record<string, QueueFigures>;
  agents: Record<string, AgentRow>;
  agentStats: Record<string, AgentFigures>;
  // The sequence number of the last event applied (of the snapshot after a
  // (re)connect); events at or below it are duplicates and are ignored.
  seq: number;
  // Server clock minus local clock (ms), the largest seen: an event's `at`
  // is never later than its arrival, so the largest difference is closest.
  skewMs: number | undefined;
}

export const emptyBoard: BoardState = { queues: {}, agents: {}, agentStats: {}, seq: -1, skewMs: undefined };

export type BoardAction =
  | { kind: 'rest'; queues: unknown; agents: unknown; now: number }
  | { kind: 'message'; message: LiveMessage; now: number };

const n0 = (x: unknown) => num(x) ?? 0;

export function readQueue(x: unknown, now: number): QueueFigures | undefined {
  if (!isObj(x) || !str(x.queue)) return undefined;
  return {
    queue: str(x.queue),
    waiting: n0(x.waiting),
    longestWaitS: n0(x.longest_wait_s),
    servingAgents: n0(x.serving_agents),
    offered: n0(x.offered),
    answered: n0(x.answered),
    abandoned: n0(x.abandoned),
    completed: n0(x.completed),
    overflowed: n0(x.overflowed),
    serviceLevel: num(x.service_level) ?? 1,
    asaS: n0(x.asa_s),
    ahtS: n0(x.aht_s),
    occupancy: n0(x.occupancy),
    receivedAt: now,
  };
}

function readContacts(x: unknown, state?: string): AgentContact[] {
  if (!Array.isArray(x)) return [];
  return x.filter(isObj).map((c) => ({ contact: str(c.contact), state: str(c.state) || state || '', queue: str(c.queue) }));
}

// Both shapes: /api/v1/agents (offers and contacts apart) and the feed's
// agent_status (offers inside contacts, state "offered").
export function readAgent(x: unknown): AgentRow | undefined {
  if (!isObj(x) || !str(x.agent)) return undefined;
  const since = Date.parse(str(x.since));
  return {
    agent: str(x.agent),
    name: str(x.name) || str(x.agent),
    state: str(x.state) || 'logged_out',
    reason: str(x.reason),
    since: Number.isFinite(since) ? since : undefined,
    contacts: [...readContacts(x.offers, 'offered'), ...readContacts(x.contacts)],
  };
}

function byId<T>(items: unknown, read: (x: unknown) => T | undefined, id: (t: T) => string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const x of Array.isArray(items) ? items : []) {
    const t = read(x);
    if (t) out[id(t)] = t;
  }
  return out;
}

function withSkew(state: BoardState, at: unknown, now: number): number | undefined {
  const t = Date.parse(str(at));
  if (!Number.isFinite(t)) return state.skewMs;
  const d = t - now;
  return state.skewMs === undefined ? d : Math.max(state.skewMs, d);
}

function applyEvent(state: BoardState, m: LiveMessage, now: number): BoardState {
  const data = m.data;
  switch (m.type) {
    case 'queue_stats': {
      const q = readQueue(data, now);
      return q ? { ...state, queues: { ...state.queues, [q.queue]: q } } : state;
    }
    case 'agent_status': {
      const a = readAgent(data);
      return a ? { ...state, agents: { ...state.agents, [a.agent]: a } } : state;
    }
    case 'agent_stats': {
      if (!isObj(data) || !str(data.agent)) return state;
      const figures = { handled: n0(data.handled), occupancy: n0(data.occupancy) };
      return { ...state, agentStats: { ...state.agentStats, [str(data.agent)]: figures } };
    }
    default:
      return state;
  }
}

export function reduceBoard(state: BoardState, action: BoardAction): BoardState {
  if (action.kind === 'rest') {
    return {
      ...state,
      queues: byId(action.queues, (x) => readQueue(x, action.now), (q) => q.queue),
      agents: byId(action.agents, readAgent, (a) => a.agent),
    };
  }
  const m = action.message;
  const seq = num(m.seq);
  if (m.type === 'snapshot') {
    // A full picture after each (re)connect: it replaces what we had.
    const data = isObj(m.data) ? m.data : {};
    return {
      ...state,
      queues: byId(data.queues, (x) => readQueue(x, action.now), (q) => q.queue),
      agents: byId(data.agents, readAgent, (a) => a.agent),
      seq: seq ?? state.seq,
    };
  }
  if (seq === undefined) return state; // replay_incomplete and the like: the snapshot already covers it
  if (seq <= state.seq) return state;
  const next = applyEvent(state, m, action.now);
  return { ...next, seq, skewMs: withSkew(state, m.at, action.now) };
}

// ---- service level -------------------------------------------------------

export type SlStatus = 'ok' | 'warn' | 'bad' | 'none';

// Amber band: up to this many points (0..1 scale) under the target.
export const SL_AMBER_MARGIN = 0.1;

// green  ok   service level at or above target
// amber  warn below target by less than SL_AMBER_MARGIN (10 points)
// red    bad  further below
// grey   none nothing answered or abandoned yet today (no service level)
export function slStatus(q: Pick<QueueFigures, 'serviceLevel' | 'answered' | 'abandoned'>, target: number): SlStatus {
  if (q.answered + q.abandoned === 0) return 'none';
  const sl = q.serviceLevel;
  if (sl >= target - 1e-9) return 'ok';
  if (sl >= target - SL_AMBER_MARGIN - 1e-9) return 'warn';
  return 'bad';
}

// ---- ticking figures -----------------------------------------------------

// The longest wait now: the figure as received, plus the time since (while
// someone is waiting).
export function longestWaitNow(q: Pick<QueueFigures, 'waiting' | 'longestWaitS' | 'receivedAt'>, now: number): number {
  if (q.waiting <= 0) return 0;
  return q.longestWaitS + Math.max(0, (now - q.receivedAt) / 1000);
}

// Whole seconds an agent has been in its state, on the server's clock.
export function secondsInState(a: Pick<AgentRow, 'since'>, now: number, skewMs = 0): number | undefined {
  if (a.since === undefined) return undefined;
  return Math.max(0, Math.floor((now + skewMs - a.since) / 1000));
}

// ---- summaries -----------------------------------------------------------

export const AGENT_STATES = ['ready', 'reserved', 'busy', 'wrap_up', 'not_ready', 'logged_out'] as const;

export function countByState(agents: readonly AgentRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of AGENT_STATES) out[s] = 0;
  for (const a of agents) out[a.state] = (out[a.state] ?? 0) + 1;
  return out;
}

// Agents in display order: working states first, then by name.
export function sortedAgents(agents: Record<string, AgentRow>): AgentRow[] {
  const rank = (s: string) => {
    const i = (AGENT_STATES as readonly string[]).indexOf(s);
    return i < 0 ? AGENT_STATES.length : i;
  };
  return Object.values(agents).sort((a, b) => rank(a.state) - rank(b.state) || a.name.localeCompare(b.name) || a.agent.localeCompare(b.agent));
}

// Which state changes a supervisor may ask for, by the agent's state.
export function allowedChanges(state: string): ('ready' | 'not_ready' | 'logged_out')[] {
  if (state === 'logged_out') return [];
  const out: ('ready' | 'not_ready' | 'logged_out')[] = [];
  if (state === 'not_ready') out.push('ready');
  if (state !== 'not_ready') out.push('not_ready');
  out.push('logged_out');
  return out;
}

// The WebSocket address with ?since= the last sequence seen, so a reconnect
// also replays what was missed while the snapshot was being taken.
export function withSince(url: string, seq: number): string {
  if (seq < 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}since=${seq}`;
}
