// Planning data: the shapes the /api/v1/wfm endpoints answer and the pure
// functions that turn them into what the screens draw (series, rows,
// totals) or send (request bodies). No DOM, no fetch: tested in vitest.
import type { ApiResult } from '../../api/client';

// One interval of history or forecast; `start` is local wall-clock time
// "2026-03-01 08:00".
export interface Interval {
  start: string;
  volume: number;
  aht_s: number;
}

export interface HistoryAnswer {
  from: string;
  to: string;
  interval_minutes: number;
  intervals: Interval[];
}

export interface Accuracy {
  mape: number;
  wape: number;
}

export interface ForecastAnswer {
  interval_minutes?: number;
  model: { kind: string; alpha: number; beta: number; gamma: number };
  holiday_scale?: number;
  accuracy?: { holdout_days: number; holt_winters: Accuracy; seasonal_naive: Accuracy };
  forecast: Interval[];
  holidays?: string[];
}

export interface HistoryQuery {
  from: string;
  to: string;
  interval: string;
  queue?: string;
  type?: string;
  channel?: string;
}

export interface PlanInterval extends Interval {
  required: number;
  scheduled_required: number;
  service_level: number;
  occupancy: number;
  scheduled: number | null;
}

export interface StaffAnswer {
  agents: number;
  scheduled?: number;
  load_erlangs?: number;
  service_level: number;
  p_wait: number;
  asa_s: number | null;
  occupancy: number;
  abandon_rate?: number;
}

export interface AdherenceAgent {
  agent: string;
  scheduled: boolean;
  scheduled_minutes: { work: number; break: number };
  actual_minutes: Record<string, number>;
  adherence: number;
  conformance: number;
  exceptions: { start: string; end: string; minutes: number; expected: string; actual: string }[];
}

export interface AdherenceAnswer {
  schedule_published: boolean;
  day: string;
  grace_minutes: number;
  agents: AdherenceAgent[];
}

export const AGENT_STATES = ['logged_out', 'ready', 'reserved', 'busy', 'wrap_up', 'not_ready'] as const;

type Fail = ApiResult<unknown> & { ok: false };

// The server does not offer this yet (an older build): 404, or a 422 that
// calls the `history` body field unknown.
export function notAvailable(r: Fail): boolean {
  return r.status === 404 || (r.status === 422 && r.details?.fields?.history === 'unknown field');
}

export function historyPath(q: HistoryQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.interval) p.set('interval', q.interval);
  for (const k of ['queue', 'type', 'channel'] as const) {
    const v = q[k]?.trim();
    if (v) p.set(k, v);
  }
  return `/api/v1/wfm/history?${p.toString()}`;
}

// The interval is the forecast's (top level), the rest selects the history.
export function forecastFromHistoryBody(q: HistoryQuery, weeks = 1, holdout = 1) {
  const history: Record<string, string> = { from: q.from, to: q.to };
  for (const k of ['queue', 'type', 'channel'] as const) {
    const v = q[k]?.trim();
    if (v) history[k] = v;
  }
  return q.interval ? { history, interval: q.interval, weeks, holdout } : { history, weeks, holdout };
}

export function forecastFromCsvBody(csv: string, interval = '30m', weeks = 1, holdout = 1) {
  return { history_csv: csv, interval, weeks, holdout };
}

// The Gregorian rows of a history CSV (datetime,volume,aht_s; header and
// `#` comments skipped), for drawing the actual line. Rows the chart cannot
// place (Jalali dates, bad numbers) are left out: the server validates.
export function parseHistoryCsv(csv: string): Interval[] {
  const out: Interval[] = [];
  for (const raw of csv.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [dt, vol, aht] = line.split(',').map((s) => s.trim());
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{1,2}):(\d{2})$/.exec(dt ?? '');
    const volume = Number(vol);
    if (!m || vol === undefined || !Number.isFinite(volume)) continue;
    const start = `${m[1]} ${m[2].padStart(2, '0')}:${m[3]}`;
    out.push({ start, volume, aht_s: Number(aht) || 0 });
  }
  return out;
}

export interface SeriesPoint {
  start: string;
  actual: number | null;
  forecast: number | null;
}

// Actual and forecast by interval start, in time order, over the window the
// forecast covers plus `leadDays` days of history before it (so the chart
// shows the recent actuals next to the forecast, and any held-out interval
// both lines). Missing actuals are null, not zero.
export function mergeSeries(actual: Interval[], forecast: Interval[], leadDays = 0): SeriesPoint[] {
  const byStart = new Map<string, SeriesPoint>();
  for (const f of forecast) byStart.set(f.start, { start: f.start, actual: null, forecast: f.volume });
  const first = forecast.reduce((a, f) => (f.start < a ? f.start : a), forecast[0]?.start ?? '');
  const since = first ? addDays(splitStart(first).day, -leadDays) : '';
  for (const a of actual) {
    const p = byStart.get(a.start);
    if (p) p.actual = a.volume;
    else if (!forecast.length || (a.start >= since && a.start < first)) byStart.set(a.start, { start: a.start, actual: a.volume, forecast: null });
  }
  return [...byStart.values()].sort((x, y) => x.start.localeCompare(y.start));
}

// "2026-03-01 08:00" <-> minutes since the epoch (wall-clock time read as UTC,
// so no time zone or daylight saving moves it).
export function startToMinutes(start: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(start);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) / 60000 : NaN;
}

export function minutesToStart(minutes: number): string {
  const iso = new Date(minutes * 60000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

// Every interval from the first point to the last, so the time axis is even.
// A history lists busy intervals only (absent ones had no contacts), so the
// actual of an absent interval inside the history's span is 0; after it,
// and for the forecast, absent stays null.
export function fillGrid(points: SeriesPoint[], intervalMinutes: number): SeriesPoint[] {
  if (!points.length || !(intervalMinutes > 0)) return points;
  const at = new Map(points.map((p) => [p.start, p]));
  const first = startToMinutes(points[0].start);
  const last = startToMinutes(points[points.length - 1].start);
  const withActual = points.filter((p) => p.actual !== null);
  const actualEnd = withActual.length ? startToMinutes(withActual[withActual.length - 1].start) : -Infinity;
  if (!Number.isFinite(first) || !Number.isFinite(last) || (last - first) / intervalMinutes > 20000) return points;
  const out: SeriesPoint[] = [];
  for (let m = first; m <= last; m += intervalMinutes) {
    const start = minutesToStart(m);
    out.push(at.get(start) ?? { start, actual: m <= actualEnd ? 0 : null, forecast: null });
  }
  return out;
}

// "2026-03-01" plus `n` days (negative goes back).
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n, 12)).toISOString().slice(0, 10);
}

export function sum(xs: readonly (number | null | undefined)[]): number {
  return xs.reduce<number>((s, x) => s + (x ?? 0), 0);
}

// "2026-03-01 08:00" -> its date and time parts.
export function splitStart(start: string): { day: string; time: string } {
  const [day, time = ''] = start.split(' ');
  return { day, time };
}

// Days in `days` (YYYY-MM-DD) that fall inside the series.
export function holidaysInSeries(points: SeriesPoint[], days: readonly string[] = []): string[] {
  const inSeries = new Set(points.map((p) => splitStart(p.start).day));
  return days.filter((d) => inSeries.has(d));
}

export interface PlanBody {
  intervals: Interval[];
  interval: string;
  target: string;
  patience?: string;
  shrinkage?: number;
}

export function planBody(intervals: Interval[], interval: string, target: string, patience?: string, shrinkagePercent?: number): PlanBody {
  const body: PlanBody = { intervals: intervals.map(({ start, volume, aht_s }) => ({ start, volume, aht_s })), interval, target };
  if (patience?.trim()) body.patience = patience.trim();
  if (shrinkagePercent !== undefined && Number.isFinite(shrinkagePercent) && shrinkagePercent > 0) body.shrinkage = shrinkagePercent / 100;
  return body;
}

export type Staffing = 'under' | 'over' | 'ok' | 'none';

// Scheduled against required with shrinkage, per interval.
export function staffingOf(p: PlanInterval): Staffing {
  if (p.scheduled === null || p.scheduled === undefined) return 'none';
  if (p.scheduled < p.scheduled_required) return 'under';
  if (p.scheduled > p.scheduled_required) return 'over';
  return 'ok';
}

export interface PlanTotals {
  volume: number;
  required: number;
  scheduledRequired: number;
  scheduled: number;
  // Agent-intervals short of / beyond the requirement (published days only).
  under: number;
  over: number;
  intervalsUnder: number;
  published: boolean;
}

export function planTotals(rows: PlanInterval[]): PlanTotals {
  const t: PlanTotals = { volume: 0, required: 0, scheduledRequired: 0, scheduled: 0, under: 0, over: 0, intervalsUnder: 0, published: false };
  for (const r of rows) {
    t.volume += r.volume;
    t.required += r.required;
    t.scheduledRequired += r.scheduled_required;
    if (r.scheduled === null || r.scheduled === undefined) continue;
    t.published = true;
    t.scheduled += r.scheduled;
    const gap = r.scheduled - r.scheduled_required;
    if (gap < 0) {
      t.under -= gap;
      t.intervalsUnder += 1;
    } else t.over += gap;
  }
  return t;
}

export interface StaffForm {
  volume: string;
  aht: string;
  interval: string;
  target: string;
  patience: string;
  agents: string;
}

export function staffBody(f: StaffForm): Record<string, string | number> {
  const body: Record<string, string | number> = { volume: Number(f.volume), aht: /^\d+(\.\d+)?$/.test(f.aht.trim()) ? `${f.aht.trim()}s` : f.aht.trim(), interval: f.interval, target: f.target.trim() };
  if (f.patience.trim()) body.patience = /^\d+$/.test(f.patience.trim()) ? `${f.patience.trim()}s` : f.patience.trim();
  if (f.agents.trim()) body.agents = Number(f.agents);
  return body;
}

// A day schedule typed or loaded as JSON. The server reads a JSON body; the
// body sent is JSON.stringify of the parsed value, so its positions are
// mapped back to the user's text (see lineOfBodyError).
export type ParsedSchedule = { ok: true; value: unknown } | { ok: false; message: string };

export function parseSchedule(text: string): ParsedSchedule {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'not an object' };
    return { ok: true, value };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

// The server's "body:LINE:COL: field: message" (or "file:line:col: ...").
export function readBodyError(message: string): { line: number; column: number; text: string } | null {
  const m = /(?:^|\s)[\w.-]+:(\d+):(\d+):\s*(.*)$/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]), text: m[3] } : null;
}

// The 1-based line of `text` (valid JSON) holding the character that sits at
// 1-based column `column` of the one-line JSON.stringify(JSON.parse(text)).
// Whitespace outside strings is all that separates the two as long as the
// text uses no escapes or number forms JSON.stringify rewrites; then the
// mapping returns null and the caller shows the message without a line.
export function lineOfBodyError(text: string, column: number): number | null {
  let compact: string;
  try {
    compact = JSON.stringify(JSON.parse(text));
  } catch {
    return null;
  }
  let stripped = '';
  const lineAt: number[] = [];
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') {
        stripped += c + (text[i + 1] ?? '');
        lineAt.push(line, line);
        i++;
        continue;
      }
      if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (/\s/.test(c)) continue;
    stripped += c;
    lineAt.push(line);
  }
  if (stripped !== compact) return null;
  return lineAt[Math.min(Math.max(column - 1, 0), lineAt.length - 1)] ?? null;
}

export function isDay(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s);
}

// Per agent, the minutes of the states worked (for the table's total).
export function loggedInMinutes(a: AdherenceAgent): number {
  return AGENT_STATES.filter((s) => s !== 'logged_out').reduce((s, k) => s + (a.actual_minutes[k] ?? 0), 0);
}
