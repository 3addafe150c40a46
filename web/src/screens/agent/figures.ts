// The personal panel's figures, from the live feed (replayed from the
// server on connect): handled today and average handle time (assigned ->
// wrap-up done) from wrapup_done events, and CSAT so far from the
// survey_answered events the server sends once a customer's survey answers
// about one of this agent's chats are stored.
import type { Handled, SurveyAnswer } from './model';

export interface Figures {
  handled: number;
  // Average handle time in seconds, null when no contact has both times.
  ahtS: number | null;
  // Average CSAT (1..5) of today's answers, null when none; and how many.
  csat: number | null;
  csatCount: number;
}

// The calendar day of `iso` in the organisation's time zone, as YYYY-MM-DD.
export function dayOf(iso: string | number | Date, timeZone = 'Asia/Tehran'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function todaysFigures(handled: readonly Handled[], now: number, timeZone = 'Asia/Tehran', surveys: readonly SurveyAnswer[] = []): Figures {
  const today = dayOf(now, timeZone);
  const mine = handled.filter((h) => dayOf(h.doneAt, timeZone) === today);
  const times = mine
    .filter((h) => h.assignedAt)
    .map((h) => (Date.parse(h.doneAt) - Date.parse(h.assignedAt as string)) / 1000)
    .filter((s) => Number.isFinite(s) && s >= 0);
  const ahtS = times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null;
  const scores = surveys.filter((a) => a.csat !== null && dayOf(a.at, timeZone) === today).map((a) => a.csat as number);
  const csat = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
  return { handled: mine.length, ahtS, csat, csatCount: scores.length };
}
