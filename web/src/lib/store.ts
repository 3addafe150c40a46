// A minimal observable store for screen state shared between components
// (agent state, offers, queue figures). Updates are synchronous and
// subscribers run in subscription order; a set that changes nothing
// (same object) notifies no one.
export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  // Merges a partial update into an object state.
  patch(partial: Partial<T>): void;
  subscribe(fn: (state: T) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const subs = new Set<(s: T) => void>();
  const store: Store<T> = {
    get: () => state,
    set(next) {
      const value = typeof next === 'function' ? (next as (p: T) => T)(state) : next;
      if (Object.is(value, state)) return;
      state = value;
      for (const fn of [...subs]) fn(state);
    },
    patch(partial) {
      store.set({ ...state, ...partial });
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
  return store;
}
