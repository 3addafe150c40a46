import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_MS,
  dueStatus,
  inboxRows,
  openForward,
  reachableDepartments,
  readCase,
  readCategoryNames,
  readDepartments,
  type Forward,
} from '../src/screens/backoffice/inbox';

const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function forwardJson(id: number, over: Record<string, unknown> = {}) {
  return {
    id, case: id, department: 'quality', task: 'Please check', forwarded_by: 1, forwarded_at: iso(NOW - 3600_000),
    due_at: iso(NOW + 86400_000), answered_at: null, answer: '', escalated_at: null, escalated_to: null, ...over,
  };
}
function caseJson(id: number, forwards: unknown[]) {
  return { id, kind: 'complaint', category: 'complaint/product_quality', subject: `Case ${id}`, state: 'forwarded', created_at: iso(NOW - 7200_000), events: [{ id: 1, at: iso(NOW), actor: 1, kind: 'created', note: 'x' }], forwards };
}
const fw = (over: Partial<Forward>): Forward => ({ id: 1, caseId: 1, department: 'quality', task: '', forwardedAt: undefined, dueAt: undefined, answeredAt: undefined, answer: '', escalatedAt: undefined, ...over });

describe('reading the case API', () => {
  it('reads a case with its forwards and events', () => {
    const c = readCase(caseJson(3, [forwardJson(9)]))!;
    expect(c).toMatchObject({ id: 3, kind: 'complaint', subject: 'Case 3', state: 'forwarded' });
    expect(c.forwards[0]).toMatchObject({ id: 9, department: 'quality', task: 'Please check', dueAt: NOW + 86400_000, answeredAt: undefined });
    expect(c.events[0]).toMatchObject({ kind: 'created', note: 'x', at: NOW });
    expect(readCase({ subject: 'no id' })).toBeUndefined();
  });
  it('reads departments and category names from the taxonomy', () => {
    const tax = { departments: [{ id: 'quality', name: { fa: 'کیفیت', en: 'Quality' } }, { name: 'no id' }], categories: [{ id: 'complaint/parts', name: { fa: 'قطعات', en: 'Parts' } }] };
    expect(readDepartments(tax)).toEqual([{ id: 'quality', name: { fa: 'کیفیت', en: 'Quality' } }]);
    expect(readCategoryNames(tax)['complaint/parts'].en).toBe('Parts');
    expect(readDepartments(undefined)).toEqual([]);
  });
  it('keeps the departments whose list the user may read', () => {
    const all = [{ id: 'sales', name: { fa: '', en: '' } }, { id: 'quality', name: { fa: '', en: '' } }];
    expect(reachableDepartments(all, [{ ok: false }, { ok: true }]).map((d) => d.id)).toEqual(['quality']);
  });
});

describe('due status', () => {
  it('is overdue past the due time, due soon within 4 hours, else on time', () => {
    expect(dueStatus(fw({ dueAt: NOW - 1 }), NOW)).toBe('overdue');
    expect(dueStatus(fw({ dueAt: NOW }), NOW)).toBe('overdue');
    expect(dueStatus(fw({ dueAt: NOW + DUE_SOON_MS - 1 }), NOW)).toBe('soon');
    expect(dueStatus(fw({ dueAt: NOW + DUE_SOON_MS }), NOW)).toBe('ok');
  });
  it('trusts the server: escalated or listed overdue forwards are overdue', () => {
    expect(dueStatus(fw({ dueAt: NOW + 86400_000, escalatedAt: NOW }), NOW)).toBe('overdue');
    expect(dueStatus(fw({ dueAt: NOW + 86400_000 }), NOW, true)).toBe('overdue');
  });
  it('is answered once the department answered, whatever the time', () => {
    expect(dueStatus(fw({ dueAt: NOW - 1, answeredAt: NOW - 2 }), NOW)).toBe('answered');
    expect(dueStatus(undefined, NOW)).toBe('none');
    expect(dueStatus(fw({}), NOW)).toBe('none');
  });
});

describe('the inbox', () => {
  it('takes the department\'s latest unanswered forward of a case', () => {
    const c = readCase(caseJson(1, [
      forwardJson(1, { answered_at: iso(NOW - 1000), answer: 'done' }),
      forwardJson(2, { department: 'legal' }),
      forwardJson(3, { task: 'second question' }),
    ]))!;
    expect(openForward(c, 'quality')!.id).toBe(3);
    expect(openForward(c, 'legal')!.id).toBe(2);
    expect(openForward(c, 'dealer')).toBeUndefined();
  });
  it('lists the most urgent first, then by due time', () => {
    const cases = [
      readCase(caseJson(1, [forwardJson(1, { due_at: iso(NOW + 2 * 86400_000) })]))!,
      readCase(caseJson(2, [forwardJson(2, { due_at: iso(NOW + 3600_000) })]))!,
      readCase(caseJson(3, [forwardJson(3, { due_at: iso(NOW - 60_000) })]))!,
      readCase(caseJson(4, [forwardJson(4, { due_at: iso(NOW + 86400_000) })]))!,
    ];
    const rows = inboxRows(cases, 'quality', NOW);
    expect(rows.map((r) => [r.c.id, r.status])).toEqual([[3, 'overdue'], [2, 'soon'], [4, 'ok'], [1, 'ok']]);
    expect(inboxRows(cases, 'quality', NOW, new Set([1])).find((r) => r.c.id === 1)!.status).toBe('overdue');
  });
});
