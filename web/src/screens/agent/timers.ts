// Offer countdown and wrap-up timer: what the desk shows each second.
import { elapsedFraction, secondsLeft } from '../../lib/countdown';
import type { Contact, Offer } from './model';

export interface OfferClock {
  // Whole seconds left, null when the offer has no time limit.
  left: number | null;
  // 0..1 of the offer time used (for the bar); 0 without a limit.
  used: number;
  expired: boolean;
  urgent: boolean; // the last 5 seconds
}

export function offerClock(o: Offer, now: number): OfferClock {
  if (o.deadline === null) return { left: null, used: 0, expired: false, urgent: false };
  const left = secondsLeft(o.deadline, now);
  const start = o.deadline - (o.timeoutMs || o.deadline - o.receivedAt);
  return { left, used: elapsedFraction(start, o.deadline, now), expired: now >= o.deadline, urgent: left <= 5 };
}

// Offers still worth showing: the server withdraws lapsed offers, the desk
// hides them already at the deadline.
export function liveOffers(offers: readonly Offer[], now: number): Offer[] {
  return offers.filter((o) => o.deadline === null || now < o.deadline);
}

export interface WrapClock {
  // Seconds left of the queue's wrap-up time (negative once over), null
  // when the queue's limit is unknown.
  left: number | null;
  elapsed: number;
  over: boolean;
}

// `limitS` is the queue's wrap_up_s from the strategy (0/undefined: unknown).
export function wrapClock(c: Contact, limitS: number | undefined, now: number): WrapClock {
  const start = c.wrapStartedAt ?? now;
  const elapsed = Math.max(0, Math.floor((now - start) / 1000));
  if (!limitS || limitS <= 0) return { left: null, elapsed, over: false };
  const left = secondsLeft(start + limitS * 1000, now, true);
  return { left, elapsed, over: left < 0 };
}
