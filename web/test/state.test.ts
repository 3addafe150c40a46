import { describe, expect, it } from 'vitest';
import { elapsedFraction, secondsLeft } from '../src/lib/countdown';
import { createStore } from '../src/lib/store';

describe('store', () => {
  it('notifies subscribers of changes, in order, and stops after unsubscribe', () => {
    const store = createStore({ state: 'not_ready', reason: 'lunch' });
    const seen: string[] = [];
    const off = store.subscribe((s) => seen.push(`a:${s.state}`));
    store.subscribe((s) => seen.push(`b:${s.state}`));
    store.patch({ state: 'ready' });
    expect(store.get()).toEqual({ state: 'ready', reason: 'lunch' });
    off();
    store.set((s) => ({ ...s, state: 'wrap_up' }));
    expect(seen).toEqual(['a:ready', 'b:ready', 'b:wrap_up']);
  });

  it('does not notify when the state object is unchanged', () => {
    const store = createStore({ n: 1 });
    let calls = 0;
    store.subscribe(() => calls++);
    store.set((s) => s);
    expect(calls).toBe(0);
  });
});

describe('countdowns', () => {
  const t0 = Date.UTC(2025, 2, 21, 8, 30);

  it('counts whole seconds down to the deadline', () => {
    expect(secondsLeft(t0 + 20_000, t0)).toBe(20);
    expect(secondsLeft(t0 + 20_000, t0 + 19_001)).toBe(1);
    expect(secondsLeft(t0 + 20_000, t0 + 20_000)).toBe(0);
    expect(secondsLeft(t0 + 20_000, t0 + 25_500)).toBe(0);
  });

  it('can show how far past the deadline (an overdue wrap-up)', () => {
    expect(secondsLeft(t0, t0 + 5_500, true)).toBe(-5);
  });

  it('gives the elapsed fraction for progress bars', () => {
    expect(elapsedFraction(t0, t0 + 20_000, t0 + 5_000)).toBe(0.25);
    expect(elapsedFraction(t0, t0 + 20_000, t0 - 1)).toBe(0);
    expect(elapsedFraction(t0, t0 + 20_000, t0 + 30_000)).toBe(1);
    expect(elapsedFraction(t0, t0, t0)).toBe(1);
  });
});
