// The personal panel's figures, from the contacts this desk saw finished
// (wrapup_done events, replayed from the server's live feed on connect):
// handled today and average handle time (assigned -> wrap-up done). The
// server publishes no CSAT per agent, so none is computed here.
import type { Handled } from './model';

export interface Figures {
  handled: number;
  // Average handle time in seconds, null when no contact has both times.
  ahtS: number | null;
}

// The calendar day of `iso` in the organisation's time zone, as YYYY-MM-DD.
export function dayOf(iso: string | number | Date, timeZone = 'Asia/Tehran'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function todaysFigures(handled: readonly Handled[], now: number, timeZone = 'Asia/Tehran'): Figures {
  const today = dayOf(now, timeZone);
  const mine = handled.filter((h) => dayOf(h.doneAt, timeZone) === today);
  const times = mine
    .filter((h) => h.assignedAt)
    .map((h) => (Date.parse(h.doneAt) - Date.parse(h.assignedAt as string)) / 1000)
    .filter((s) => Number.isFinite(s) && s >= 0);
  const ahtS = times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null;
  return { handled: mine.length, ahtS };
}
