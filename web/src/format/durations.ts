// Durations: a clock form for timers ("1:05", "1:02:05") and a unit form for
// settings ("2h 05m" in en, "۲ ساعت ۰۵ دقیقه" in fa). Unit names come from
// the browser's Intl data, not from our message files.
import type { Locale } from '../i18n';
import { localizeDigits } from './digits';
import { intlLocale } from './numbers';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// m:ss under an hour, h:mm:ss from an hour; negative values (overdue timers)
// get a leading minus. Fractions of a second are dropped.
export function formatClock(seconds: number, locale: Locale): string {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.floor(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const text = h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
  return localizeDigits(sign + text, locale);
}

type Unit = 'day' | 'hour' | 'minute' | 'second';

function unitPart(value: number, unit: Unit, locale: Locale, twoDigits: boolean): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'unit',
    unit,
    unitDisplay: locale === 'fa' ? 'short' : 'narrow',
    minimumIntegerDigits: twoDigits ? 2 : 1,
  }).format(value);
}

// The two most significant units: "2h 05m", "1m 30s", "20s", "3d 04h".
// Zero is "0s". Negative durations are formatted by magnitude with a minus.
export function formatDuration(seconds: number, locale: Locale): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.floor(Math.abs(seconds));
  const values: [Unit, number][] = [
    ['day', Math.floor(total / 86400)],
    ['hour', Math.floor((total % 86400) / 3600)],
    ['minute', Math.floor((total % 3600) / 60)],
    ['second', total % 60],
  ];
  const first = values.findIndex(([, v]) => v > 0);
  if (first < 0) return unitPart(0, 'second', locale, false);
  const parts = [unitPart(values[first][1], values[first][0], locale, false)];
  const next = values[first + 1];
  if (next && next[1] > 0) parts.push(unitPart(next[1], next[0], locale, true));
  return localizeDigits(sign, locale) + parts.join(' ');
}
