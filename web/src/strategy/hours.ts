// Readers for the time-related parts of the strategy JSON: schedules (weekly
// hours, "sat-wed" day spans, 24x7, dated exceptions) and holidays.
import type * as M from './model';
import { bool, isObj, list, minuteOfDay, num, pick, str, text, type Obj } from './read';

const DAY_KEYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

function range(x: unknown): M.Range[] {
  if (Array.isArray(x) && x.length === 2 && x.every((v) => typeof v === 'number')) {
    return [{ start: x[0] as number, end: x[1] as number }];
  }
  if (typeof x === 'string') {
    const m = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(x);
    if (!m) return [];
    return [{ start: minuteOfDay(m[1])!, end: minuteOfDay(m[2])! }];
  }
  if (isObj(x)) {
    const start = minuteOfDay(pick(x, 'start_minute', 'start', 'from', 'open'));
    const end = minuteOfDay(pick(x, 'end_minute', 'end', 'to', 'close'));
    return start !== undefined && end !== undefined ? [{ start, end }] : [];
  }
  return [];
}

function ranges(x: unknown): M.Range[] {
  if (x === 'closed' || x === false) return [];
  if (Array.isArray(x) && !(x.length === 2 && x.every((v) => typeof v === 'number'))) return x.flatMap(range);
  return range(x);
}

// The Iranian week, Saturday first, for day spans such as "sat-wed".
const IRANIAN_WEEK = [6, 0, 1, 2, 3, 4, 5];

// "sat" -> [6]; "sat-wed" -> [6, 0, 1, 2, 3]; "sat,mon" -> [6, 1]; else [].
export function dayKeyIndices(key: string): number[] {
  return key
    .toLowerCase()
    .split(',')
    .flatMap((part) => {
      const [a, b] = part.trim().split('-');
      const from = DAY_KEYS[a];
      if (from === undefined) return [];
      if (b === undefined) return [from];
      const to = DAY_KEYS[b];
      if (to === undefined) return [];
      const i = IRANIAN_WEEK.indexOf(from);
      const j = IRANIAN_WEEK.indexOf(to);
      return j >= i ? IRANIAN_WEEK.slice(i, j + 1) : [...IRANIAN_WEEK.slice(i), ...IRANIAN_WEEK.slice(0, j + 1)];
    });
}

function week(x: unknown): (M.Range[] | undefined)[] {
  const out: (M.Range[] | undefined)[] = new Array(7).fill(undefined);
  if (Array.isArray(x)) {
    x.slice(0, 7).forEach((day, i) => (out[i] = ranges(day)));
  } else if (isObj(x)) {
    for (const [k, v] of Object.entries(x)) for (const i of dayKeyIndices(k)) out[i] = ranges(v);
  }
  return out;
}

export function schedule(o: Obj): M.Schedule {
  const w = pick(o, 'week', 'weekly');
  // A schedule written in YAML style keeps its days at the top level.
  const byDay = w ?? Object.fromEntries(Object.entries(o).filter(([k]) => dayKeyIndices(k).length > 0));
  const shorthand = str(pick(o, 'value', 'open')).toLowerCase();
  return {
    id: str(pick(o, 'id')),
    alwaysOpen: bool(pick(o, 'always_open', 'always')) ?? (shorthand === '24x7' || shorthand === 'always'),
    week: week(byDay),
    exceptions: list(pick(o, 'exceptions')).map((e) => ({
      date: isObj(pick(e, 'date')) ? civilDate(pick(e, 'date')) : str(pick(e, 'date')),
      ranges: ranges(pick(e, 'ranges', 'hours', 'open')),
    })),
    closedOnHolidays: onHolidays(pick(o, 'closed_on_holidays', 'holidays')),
  };
}

function onHolidays(x: unknown): boolean | undefined {
  if (x === 'closed') return true;
  if (x === 'open') return false;
  return bool(x);
}

export function civilDate(x: unknown): string {
  if (typeof x === 'string') return x;
  const y = num(pick(x, 'year'));
  const m = num(pick(x, 'month'));
  const d = num(pick(x, 'day'));
  if (y === undefined || m === undefined || d === undefined) return '';
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthDay(o: Obj, which: 'from' | 'to'): [number, number] | undefined {
  const nested = pick(o, which);
  if (isObj(nested)) {
    const m = num(pick(nested, 'month'));
    const d = num(pick(nested, 'day'));
    return m !== undefined && d !== undefined ? [m, d] : undefined;
  }
  if (typeof nested === 'string') {
    const r = /^(\d{1,2})[/-](\d{1,2})$/.exec(nested.trim());
    if (r) return [Number(r[1]), Number(r[2])];
  }
  const m = num(pick(o, `${which}_month`));
  const d = num(pick(o, `${which}_day`));
  return m !== undefined && d !== undefined ? [m, d] : undefined;
}

// "01-01", "01-01..01-04", "1405-03-06", "1405-04-04..1405-04-05".
const HOLIDAY_DATE = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})(?:\.\.(?:\d{4}-)?(\d{1,2})-(\d{1,2}))?$/;

export function holiday(o: Obj): M.Holiday {
  const calendar = str(pick(o, 'calendar')) === 'gregorian' ? 'gregorian' : 'persian';
  const date = pick(o, 'date');
  const m = typeof date === 'string' ? HOLIDAY_DATE.exec(date.trim()) : null;
  if (m) {
    const from: [number, number] = [Number(m[2]), Number(m[3])];
    return {
      name: text(pick(o, 'name')),
      calendar,
      year: m[1] ? Number(m[1]) : undefined,
      from,
      to: m[4] ? [Number(m[4]), Number(m[5])] : from,
    };
  }
  const from = monthDay(o, 'from');
  return {
    name: text(pick(o, 'name')),
    calendar,
    year: num(pick(o, 'year')),
    from,
    to: monthDay(o, 'to') ?? from,
    date: typeof date === 'string' ? date : undefined,
  };
}
