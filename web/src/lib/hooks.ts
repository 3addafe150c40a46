// Preact hooks over the small libraries in this folder.
import { useEffect, useState } from 'preact/hooks';
import type { Store } from './store';

// Re-renders when the selected part of the store changes (compared with ===).
export function useStore<T, S>(store: Store<T & object>, select: (s: T) => S): S {
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    setValue(select(store.get()));
    return store.subscribe((s) => setValue(() => select(s)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  return value;
}

// The current time, refreshed every `intervalMs` (for countdowns and
// "time in state" displays).
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
