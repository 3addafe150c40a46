// Dates and times as people read them: the Jalali (Solar Hijri) calendar
// with Persian digits in fa, the Gregorian calendar in en; wall-clock time in
// the organisation's time zone (Asia/Tehran unless told otherwise).
import type { Locale } from '../i18n';
import { localizeDigits } from './digits';

export const DEFAULT_TIME_ZONE = 'Asia/Tehran';

type DateInput = Date | string | number;

function toDate(d: DateInput): Date {
  return d instanceof Date ? d : new Date(d);
}

// The Intl locale tag for dates: fa uses the Persian calendar.
export function dateLocale(locale: Locale): string {
  return locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB';
}

function fmt(locale: Locale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocale(locale), opts);
}

// "۱ فروردین ۱۴۰۴" / "21 March 2025".
export function formatDate(d: DateInput, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return fmt(locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(toDate(d));
}

// "۱۴۰۴/۰۱/۰۱" / "21/03/2025".
export function formatDateShort(d: DateInput, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return fmt(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(d));
}

// 24-hour wall-clock time: "۱۲:۰۰" / "12:00".
export function formatTime(d: DateInput, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return fmt(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(d));
}

export function formatDateTime(d: DateInput, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const sep = locale === 'fa' ? '، ' : ', ';
  return formatDate(d, locale, timeZone) + sep + formatTime(d, locale, timeZone);
}

// A calendar date without a time of day (e.g. "2025-03-21", as the strategy
// gives review dates), shown in the user's calendar. Formatting happens at
// noon UTC so no time zone can move it to another day.
export function formatCivilDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return formatDate(d, locale, 'UTC');
}

// Weekday name; `day` uses C's encoding, 0 = Sunday .. 6 = Saturday.
export function formatWeekday(day: number, locale: Locale, width: 'long' | 'short' = 'long'): string {
  // 2025-03-23 was a Sunday.
  const d = new Date(Date.UTC(2025, 2, 23 + day, 12));
  return fmt(locale, { timeZone: 'UTC', weekday: width }).format(d);
}

// The Iranian week starts on Saturday; the display order of weekdays.
export const WEEK_ORDER: readonly number[] = [6, 0, 1, 2, 3, 4, 5];

// Minutes after local midnight as "08:30" (1440 shows as "24:00").
export function formatMinuteOfDay(minute: number, locale: Locale): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return localizeDigits(`${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`, locale);
}

// A recurring month/day in the given calendar, with the month's name in the
// user's language: persian 1/1 -> "۱ فروردین" / "1 Farvardin".
export function formatMonthDay(calendar: 'persian' | 'gregorian', month: number, day: number, locale: Locale): string {
  let d: Date;
  let tag: string;
  if (calendar === 'persian') {
    // 1 Farvardin 1404 = 2025-03-21; months 1-6 have 31 days, 7-11 have 30.
    const offset = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + (day - 1);
    d = new Date(Date.UTC(2025, 2, 21 + offset, 12));
    tag = locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB-u-ca-persian';
  } else {
    d = new Date(Date.UTC(2024, month - 1, day, 12)); // a leap year, so 29 Feb exists
    tag = locale === 'fa' ? 'fa-IR-u-ca-gregory' : 'en-GB';
  }
  return new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long', day: 'numeric' }).format(d);
}
