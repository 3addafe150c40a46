// Digit shaping: Persian text shows Persian digits (۰-۹) everywhere.
import type { Locale } from '../i18n';

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

export function toPersianDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => PERSIAN[d.charCodeAt(0) - 48]);
}

// Also maps Arabic-Indic digits (٠-٩), which some keyboards produce.
export function toLatinDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

export function localizeDigits(s: string, locale: Locale): string {
  return locale === 'fa' ? toPersianDigits(s) : toLatinDigits(s);
}
