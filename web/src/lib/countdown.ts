// Countdowns for offers and wrap-up: whole seconds left until a deadline
// (rounded up, so "1" shows until the deadline passes), never negative unless
// asked, and the fraction elapsed for progress bars.
export function secondsLeft(deadline: Date | number, now: Date | number, allowNegative = false): number {
  const ms = +deadline - +now;
  const s = ms >= 0 ? Math.ceil(ms / 1000) : -Math.floor(-ms / 1000);
  return allowNegative ? s : Math.max(0, s);
}

export function elapsedFraction(start: Date | number, deadline: Date | number, now: Date | number): number {
  const total = +deadline - +start;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (+now - +start) / total));
}
