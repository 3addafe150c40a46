// Numbers and percentages in the user's language (Persian digits and
// separators in fa).
import type { Locale } from '../i18n';

export function intlLocale(locale: Locale): string {
  return locale === 'fa' ? 'fa-IR' : 'en-US';
}

export function formatNumber(n: number, locale: Locale, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: maxFractionDigits }).format(n);
}

// `percent` is on the 0..100 scale used by service-level targets (80 = 80%).
export function formatPercent(percent: number, locale: Locale, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    maximumFractionDigits: maxFractionDigits,
  }).format(percent / 100);
}
