// The one wrapper around zustand. Every store is made here, so every store is cleared by a lock:
// resetAllStores() puts each back to its initial state, and results of calls that were in flight
// when it ran are dropped (staleGuard) instead of refilling a store behind the lock screen.
import { create, type StoreApi, type UseBoundStore } from 'zustand';

export type SetState<T> = StoreApi<T>['setState'];
export type GetState<T> = StoreApi<T>['getState'];
export type Store<T> = UseBoundStore<StoreApi<T>>;

const resets = new Set<() => void>();
let generation = 0;

export function defineStore<State extends object, Actions extends object>(
  initial: () => State,
  actions: (set: SetState<State & Actions>, get: GetState<State & Actions>) => Actions,
  /** Only for what is not case data and must outlive a lock (the interface language). */
  options: { keptOnLock?: boolean } = {},
): Store<State & Actions> {
  const store = create<State & Actions>()((set, get) => ({ ...initial(), ...actions(set, get) }));
  if (!options.keptOnLock) resets.add(() => store.setState(initial() as Partial<State & Actions>));
  return store;
}

export function resetAllStores(): void {
  generation += 1;
  for (const reset of resets) reset();
}

/** Call before an await; after it, `stale()` says whether a reset (a lock) happened meanwhile. */
export function staleGuard(): () => boolean {
  const at = generation;
  return () => at !== generation;
}
