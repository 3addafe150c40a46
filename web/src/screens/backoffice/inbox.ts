// The back-office inbox's data and rules: cases forwarded to a department
// (GET /api/v1/departments/{d}/cases), each with its forward (due time,
// task) from GET /api/v1/cases/{id}, and how urgent each one is. Pure: `now`
// (epoch ms) is passed in.
import { isObj, num, str, text, type Text } from '../../strategy/read';

export interface Forward {
  id: number;
  caseId: number;
  department: string;
  task: string;
  forwardedAt: number | undefined;
  dueAt: number | undefined;
  answeredAt: number | undefined;
  answer: string;
  escalatedAt: number | undefined;
}

export interface CaseEvent {
  id: number;
  at: number | undefined;
  actor: number;
  kind: string;
  note: string;
}

export interface CaseView {
  id: number;
  kind: string;
  category: string;
  subject: string;
  description: string;
  state: string;
  channel: string;
  createdAt: number | undefined;
  forwards: Forward[];
  events: CaseEvent[];
}

export interface Department {
  id: string;
  name: Text;
}

const time = (x: unknown): number | undefined => {
  const t = Date.parse(str(x));
  return Number.isFinite(t) ? t : undefined;
};

export function readForward(x: unknown): Forward | undefined {
  if (!isObj(x) || num(x.id) === undefined) return undefined;
  return {
    id: num(x.id)!,
    caseId: num(x.case) ?? 0,
    department: str(x.department),
    task: str(x.task),
    forwardedAt: time(x.forwarded_at),
    dueAt: time(x.due_at),
    answeredAt: time(x.answered_at),
    answer: str(x.answer),
    escalatedAt: time(x.escalated_at),
  };
}

export function readCase(x: unknown): CaseView | undefined {
  if (!isObj(x) || num(x.id) === undefined) return undefined;
  const events = Array.isArray(x.events) ? x.events.filter(isObj) : [];
  return {
    id: num(x.id)!,
    kind: str(x.kind),
    category: str(x.category),
    subject: str(x.subject),
    description: str(x.description),
    state: str(x.state),
    channel: str(x.channel),
    createdAt: time(x.created_at),
    forwards: (Array.isArray(x.forwards) ? x.forwards : []).map(readForward).filter((f): f is Forward => !!f),
    events: events.map((e) => ({ id: num(e.id) ?? 0, at: time(e.at), actor: num(e.actor) ?? 0, kind: str(e.kind), note: str(e.note) })),
  };
}

export function readDepartments(taxonomy: unknown): Department[] {
  const list = isObj(taxonomy) && Array.isArray(taxonomy.departments) ? taxonomy.departments : [];
  return list.filter(isObj).map((d) => ({ id: str(d.id), name: text(d.name) })).filter((d) => d.id !== '');
}

export function readCategoryNames(taxonomy: unknown): Record<string, Text> {
  const out: Record<string, Text> = {};
  const list = isObj(taxonomy) && Array.isArray(taxonomy.categories) ? taxonomy.categories : [];
  for (const c of list.filter(isObj)) out[str(c.id)] = text(c.name);
  return out;
}

// The department's open forward of a case: the latest unanswered one (a
// case may have been forwarded to the department before and answered).
export function openForward(c: Pick<CaseView, 'forwards'>, department: string): Forward | undefined {
  const mine = c.forwards.filter((f) => f.department === department);
  return mine.filter((f) => f.answeredAt === undefined).at(-1) ?? mine.at(-1);
}

export type DueStatus = 'overdue' | 'soon' | 'ok' | 'answered' | 'none';

// "Due soon": less than this before the due time.
export const DUE_SOON_MS = 4 * 3600 * 1000;

// answered  the department has answered (nothing left to do)
// overdue   past the due time, or listed by GET /api/v1/forwards/overdue
// soon      due within DUE_SOON_MS
// ok        due later
// none      no due time known
export function dueStatus(f: Forward | undefined, now: number, listedOverdue = false): DueStatus {
  if (!f) return 'none';
  if (f.answeredAt !== undefined) return 'answered';
  if (listedOverdue || f.escalatedAt !== undefined) return 'overdue';
  if (f.dueAt === undefined) return 'none';
  if (now >= f.dueAt) return 'overdue';
  if (f.dueAt - now < DUE_SOON_MS) return 'soon';
  return 'ok';
}

export interface InboxRow {
  c: CaseView;
  forward: Forward | undefined;
  status: DueStatus;
}

const RANK: Record<DueStatus, number> = { overdue: 0, soon: 1, ok: 2, none: 3, answered: 4 };

// One row per case, the most urgent first, then by due time, then by id.
export function inboxRows(cases: readonly CaseView[], department: string, now: number, overdueForwards: ReadonlySet<number> = new Set()): InboxRow[] {
  return cases
    .map((c) => {
      const forward = openForward(c, department);
      return { c, forward, status: dueStatus(forward, now, forward ? overdueForwards.has(forward.id) : false) };
    })
    .sort(
      (a, b) =>
        RANK[a.status] - RANK[b.status] ||
        (a.forward?.dueAt ?? Infinity) - (b.forward?.dueAt ?? Infinity) ||
        a.c.id - b.c.id,
    );
}

// Which departments the user may open: those whose list answered 200 (a
// back-office user gets 403 for departments it is not a member of; admins
// and supervisors may open all).
export function reachableDepartments(all: readonly Department[], answers: readonly { ok: boolean }[]): Department[] {
  return all.filter((_, i) => answers[i]?.ok);
}
