// Planning: the data handling of the forecast, staffing and schedule screens
// on fixture answers (the /wfm/history and /wfm/plan endpoints are newer than
// some servers; the screens must say so rather than break).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n';
import { formatStart, shortDay } from '../src/screens/planning/charts';
import {
  addDays, fillGrid, forecastFromCsvBody, forecastFromHistoryBody, historyPath, holidaysInSeries, isDay, lineOfBodyError, loggedInMinutes, mergeSeries, notAvailable,
  parseHistoryCsv, parseSchedule, planBody, planTotals, readBodyError, staffBody, staffingOf,
  type ForecastAnswer, type HistoryAnswer, type PlanInterval,
} from '../src/screens/planning/planning';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, 'fixtures/planning', `${name}.json`), 'utf8')) as T;
const history = fixture<HistoryAnswer>('history');
const forecast = fixture<ForecastAnswer>('forecast');
const plan = fixture<{ intervals: PlanInterval[] }>('plan');

afterEach(() => setLocale('fa'));

describe('forecast vs actual', () => {
  it('asks for history with only the filters given', () => {
    expect(historyPath({ from: '2026-03-01', to: '2026-03-08', interval: '30m', queue: ' sales ', type: '', channel: undefined })).toBe(
      '/api/v1/wfm/history?from=2026-03-01&to=2026-03-08&interval=30m&queue=sales',
    );
    expect(forecastFromHistoryBody({ from: '2026-03-01', to: '2026-03-08', interval: '30m', channel: 'chat' })).toEqual({
      history: { from: '2026-03-01', to: '2026-03-08', channel: 'chat' }, interval: '30m', weeks: 1, holdout: 1,
    });
    expect(forecastFromCsvBody('x', '15m')).toEqual({ history_csv: 'x', interval: '15m', weeks: 1, holdout: 1 });
  });

  it('lines up actual and forecast by interval; the held-out part has both, gaps stay gaps', () => {
    const s = mergeSeries(history.intervals, forecast.forecast, 1);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(s.map((p) => p.start)).toEqual(['2026-03-01 08:00', '2026-03-01 08:30', '2026-03-01 09:00', '2026-03-02 08:00', '2026-03-02 08:30']);
    expect(s[0]).toEqual({ start: '2026-03-01 08:00', actual: 12, forecast: null });
    expect(s[1]).toEqual({ start: '2026-03-01 08:30', actual: 20, forecast: 19.5 });
    expect(s[4]).toEqual({ start: '2026-03-02 08:30', actual: null, forecast: 21 });
    // The lead counts whole days: with none, the forecast's first day still
    // shows from midnight, but earlier days are left out.
    expect(mergeSeries(history.intervals, forecast.forecast).length).toBe(5);
    expect(mergeSeries([{ start: '2026-02-28 23:30', volume: 1, aht_s: 1 }], forecast.forecast).length).toBe(4);
    expect(mergeSeries([{ start: '2026-02-28 23:30', volume: 1, aht_s: 1 }], forecast.forecast, 1).length).toBe(5);
    // Without a forecast, the actuals are all there is.
    expect(mergeSeries(history.intervals, []).length).toBe(4);
  });

  it('fills the time axis evenly: absent history intervals had no contacts, absent forecasts stay gaps', () => {
    const g = fillGrid(mergeSeries(history.intervals, forecast.forecast, 1), 30);
    expect(g.length).toBe(50);
    expect(g[0]).toEqual({ start: '2026-03-01 08:00', actual: 12, forecast: null });
    expect(g[3]).toEqual({ start: '2026-03-01 09:30', actual: 0, forecast: null });
    expect(g[49]).toEqual({ start: '2026-03-02 08:30', actual: null, forecast: 21 });
    expect(fillGrid([], 30)).toEqual([]);
  });

  it('marks only the holidays the chart shows', () => {
    expect(holidaysInSeries(mergeSeries(history.intervals, forecast.forecast), forecast.holidays)).toEqual(['2026-03-02']);
  });

  it('reads the Gregorian rows of a history CSV', () => {
    const csv = 'datetime,volume,aht_s\n# comment\n2026-01-03 16:00,118,208\n\n2026-01-03 8:30, 5 ,190\n1404/12/10 08:00,3,100\nbad\n';
    expect(parseHistoryCsv(csv)).toEqual([
      { start: '2026-01-03 16:00', volume: 118, aht_s: 208 },
      { start: '2026-01-03 08:30', volume: 5, aht_s: 190 },
    ]);
    const real = readFileSync(join(__dirname, '../../tests/services/wfm/data/history.csv'), 'utf8');
    expect(parseHistoryCsv(real).length).toBe(504);
  });

  it('knows an older server from a real failure', () => {
    expect(notAvailable({ ok: false, status: 404, code: 'not_found', message: 'no such endpoint' })).toBe(true);
    expect(notAvailable({ ok: false, status: 422, code: 'invalid_fields', message: '', details: { fields: { history: 'unknown field', history_csv: 'is required' } } })).toBe(true);
    expect(notAvailable({ ok: false, status: 422, code: 'invalid_fields', message: '', details: { fields: { from: 'bad date' } } })).toBe(false);
    expect(notAvailable({ ok: false, status: 500, code: 'http', message: '' })).toBe(false);
  });

  it('labels intervals in the Jalali calendar with Persian digits, Gregorian in English', () => {
    expect(shortDay('2026-03-01', 'fa')).toMatch(/۱۰/);
    expect(formatStart('2026-03-01 08:30', 'fa')).toMatch(/۰۸:۳۰$/);
    expect(formatStart('2026-03-01 08:30', 'en')).toBe('1 Mar 08:30');
  });
});

describe('required vs scheduled', () => {
  it('sends the forecast intervals with the target, patience and shrinkage as a fraction', () => {
    const body = planBody(forecast.forecast, '30m', '80/20s', ' 300s ', 30);
    expect(body.intervals[0]).toEqual({ start: '2026-03-01 08:30', volume: 19.5, aht_s: 188 });
    expect(body).toMatchObject({ interval: '30m', target: '80/20s', patience: '300s', shrinkage: 0.3 });
    const bare = planBody(forecast.forecast, '30m', '80/20s', '', 0);
    expect('patience' in bare || 'shrinkage' in bare).toBe(false);
  });

  it('calls each interval short, over, matched or unpublished', () => {
    expect(plan.intervals.map(staffingOf)).toEqual(['under', 'over', 'ok', 'none']);
  });

  it('totals agent-intervals short and over on the published days only', () => {
    expect(planTotals(plan.intervals)).toEqual({
      volume: 72.5, required: 15, scheduledRequired: 23, scheduled: 18, under: 1, over: 2, intervalsUnder: 1, published: true,
    });
    expect(planTotals(plan.intervals.map((p) => ({ ...p, scheduled: null }))).published).toBe(false);
  });

  it('builds the Erlang request with durations the server reads', () => {
    expect(staffBody({ volume: '100', aht: '180', interval: '30m', target: '80/20s', patience: '', agents: '' })).toEqual({ volume: 100, aht: '180s', interval: '30m', target: '80/20s' });
    expect(staffBody({ volume: '100', aht: '3m', interval: '30m', target: '80/20s', patience: '300', agents: '12' })).toEqual({
      volume: 100, aht: '3m', interval: '30m', target: '80/20s', patience: '300s', agents: 12,
    });
  });
});

describe('day schedules', () => {
  const text = '{\n  "agents": [\n    {"agent": "ali",\n     "shfit": "08:00-16:00"}\n  ]\n}';

  it('accepts a JSON object only', () => {
    expect(parseSchedule(text).ok).toBe(true);
    expect(parseSchedule('[1]').ok).toBe(false);
    expect(parseSchedule('agents:\n  - agent: ali').ok).toBe(false);
  });

  it('reads the position out of the server message', () => {
    expect(readBodyError("body:1:27: agents[0]: unknown key 'shfit'")).toEqual({ line: 1, column: 27, text: "agents[0]: unknown key 'shfit'" });
    expect(readBodyError('no position')).toBeNull();
  });

  it('maps a column of the compact body back to the line the user wrote', () => {
    // {"agents":[{"agent":"ali","shfit":... : the server points at column 27.
    expect(JSON.stringify(JSON.parse(text)).slice(26, 33)).toBe('"shfit"');
    expect(lineOfBodyError(text, 27)).toBe(4);
    expect(lineOfBodyError(text, 1)).toBe(1);
    // Spaces inside strings count; escapes JSON.stringify rewrites give up.
    expect(lineOfBodyError('{"a b":\n 1}', 8)).toBe(2);
    expect(lineOfBodyError('{"a b":\n 1}', 7)).toBe(1);
    expect(lineOfBodyError('{"a":\n"\\u0041"}', 6)).toBeNull();
  });

  it('checks days and sums logged-in minutes', () => {
    expect(isDay('2026-03-01')).toBe(true);
    expect(isDay('1404/12/10')).toBe(false);
    expect(loggedInMinutes({ agent: 'a', scheduled: true, scheduled_minutes: { work: 450, break: 30 }, actual_minutes: { logged_out: 900, ready: 300, busy: 200, not_ready: 40 }, adherence: 1, conformance: 1, exceptions: [] })).toBe(540);
  });
});
