import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatCivilDate,
  formatDate,
  formatDateShort,
  formatDateTime,
  formatDuration,
  formatMinuteOfDay,
  formatMonthDay,
  formatNumber,
  formatPercent,
  formatRelative,
  formatTime,
  formatWeekday,
  localizeDigits,
  toLatinDigits,
  toPersianDigits,
} from '../src/format';

const nowruz = '2025-03-21T08:30:00Z';

describe('dates', () => {
  it('shows Persian users the Jalali calendar with Persian digits', () => {
    expect(formatDate(nowruz, 'fa')).toBe('۱ فروردین ۱۴۰۴');
    expect(formatDateShort(nowruz, 'fa')).toBe('۱۴۰۴/۰۱/۰۱');
  });

  it('shows English users the Gregorian calendar', () => {
    expect(formatDate(nowruz, 'en')).toBe('21 March 2025');
  });

  it('shows wall-clock time in Tehran (UTC+3:30)', () => {
    expect(formatTime(nowruz, 'fa')).toBe('۱۲:۰۰');
    expect(formatTime(nowruz, 'en')).toBe('12:00');
    expect(formatDateTime(nowruz, 'en')).toBe('21 March 2025, 12:00');
  });

  it('uses Tehran\'s date, not UTC\'s, near midnight', () => {
    // 21:00 UTC on 20 March is 00:30 on 21 March in Tehran: already Nowruz.
    expect(formatDate('2025-03-20T21:00:00Z', 'fa')).toBe('۱ فروردین ۱۴۰۴');
    expect(formatDate('2025-03-20T21:00:00Z', 'en')).toBe('21 March 2025');
    expect(formatDate('2025-03-20T20:00:00Z', 'fa')).toBe('۳۰ اسفند ۱۴۰۳');
  });

  it('accepts another time zone', () => {
    expect(formatTime(nowruz, 'en', 'UTC')).toBe('08:30');
  });

  it('shows calendar dates without shifting the day', () => {
    expect(formatCivilDate('2025-03-21', 'fa')).toBe('۱ فروردین ۱۴۰۴');
    expect(formatCivilDate('2025-03-21', 'en')).toBe('21 March 2025');
    expect(formatCivilDate('not a date', 'en')).toBe('not a date');
  });

  it('names weekdays, Saturday first in the Iranian week', () => {
    expect(formatWeekday(6, 'fa')).toBe('شنبه');
    expect(formatWeekday(5, 'fa')).toBe('جمعه');
    expect(formatWeekday(0, 'en')).toBe('Sunday');
  });

  it('formats minutes of the day as a 24-hour clock', () => {
    expect(formatMinuteOfDay(480, 'fa')).toBe('۰۸:۰۰');
    expect(formatMinuteOfDay(1020, 'en')).toBe('17:00');
    expect(formatMinuteOfDay(1440, 'en')).toBe('24:00');
  });

  it('names recurring holidays in their own calendar', () => {
    expect(formatMonthDay('persian', 1, 1, 'fa')).toBe('۱ فروردین');
    expect(formatMonthDay('persian', 1, 13, 'en')).toBe('13 Farvardin');
    expect(formatMonthDay('persian', 12, 29, 'fa')).toBe('۲۹ اسفند');
    expect(formatMonthDay('persian', 7, 1, 'en')).toBe('1 Mehr');
    expect(formatMonthDay('gregorian', 12, 25, 'en')).toBe('25 December');
  });
});

describe('digits', () => {
  it('converts between Latin and Persian digits', () => {
    expect(toPersianDigits('021-1234 x9')).toBe('۰۲۱-۱۲۳۴ x۹');
    expect(toLatinDigits('۰۹۱۲٣')).toBe('09123');
    expect(localizeDigits('42', 'fa')).toBe('۴۲');
    expect(localizeDigits('۴۲', 'en')).toBe('42');
  });
});

describe('numbers and percentages', () => {
  it('groups digits the local way', () => {
    expect(formatNumber(1234567.5, 'fa')).toBe('۱٬۲۳۴٬۵۶۷٫۵');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('formats service-level percentages given on a 0-100 scale', () => {
    expect(formatPercent(80, 'fa')).toBe('۸۰٪');
    expect(formatPercent(80, 'en')).toBe('80%');
    expect(formatPercent(92.25, 'en')).toBe('92.3%');
  });
});

describe('durations', () => {
  it('shows timers as m:ss or h:mm:ss', () => {
    expect(formatClock(65, 'fa')).toBe('۱:۰۵');
    expect(formatClock(65, 'en')).toBe('1:05');
    expect(formatClock(3725, 'en')).toBe('1:02:05');
    expect(formatClock(0, 'en')).toBe('0:00');
    expect(formatClock(-7, 'en')).toBe('-0:07');
  });

  it('shows the two largest units', () => {
    expect(formatDuration(7500, 'en')).toBe('2h 05m');
    expect(formatDuration(7500, 'fa')).toBe('۲ ساعت ۰۵ دقیقه');
    expect(formatDuration(90, 'en')).toBe('1m 30s');
    expect(formatDuration(20, 'en')).toBe('20s');
    expect(formatDuration(20, 'fa')).toBe('۲۰ ثانیه');
    expect(formatDuration(3600, 'en')).toBe('1h');
    expect(formatDuration(0, 'en')).toBe('0s');
    expect(formatDuration(2 * 86400 + 3 * 3600, 'en')).toBe('2d 03h');
  });
});

describe('relative times', () => {
  const now = new Date('2025-03-21T08:30:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);

  it('says how long ago, in words of the language', () => {
    expect(formatRelative(ago(300), now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(ago(300), now, 'fa')).toBe('۵ دقیقه پیش');
    expect(formatRelative(ago(86400), now, 'en')).toBe('yesterday');
    expect(formatRelative(ago(-7200), now, 'en')).toBe('in 2 hours');
    expect(formatRelative(ago(0), now, 'en')).toBe('now');
  });
});
