// How one store tells others what changed without importing them: the sender announces, each
// store that keeps a copy of that data subscribes in its own module. Stores stay independent (a
// test of one needs no other), and the links between them are listed here, once.
import type { ItemSummary } from '../../shared/domain/item.ts';

export interface StoreEvents {
  /** Something was unveiled or veiled: the exposure counts changed. */
  'exposure-changed': Record<string, never>;
  /** The core confirmed a triage change to these items. */
  'items-changed': { ids: readonly string[]; change: (item: ItemSummary) => ItemSummary };
  /** An ingest brought files into a case (`finished`: its last batch). */
  'evidence-landed': { caseId: string; finished: boolean };
  /** A hash list was imported, enabled, disabled or removed, or a match reviewed: badges changed. */
  'matches-changed': Record<string, never>;
}

type Listener<E extends keyof StoreEvents> = (payload: StoreEvents[E]) => void;

const listeners = new Map<keyof StoreEvents, Set<(payload: never) => void>>();

function listenersOf<E extends keyof StoreEvents>(event: E): Set<Listener<E>> {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  return set as Set<Listener<E>>;
}

export function announce<E extends keyof StoreEvents>(event: E, payload: StoreEvents[E]): void {
  for (const listener of [...listenersOf(event)]) listener(payload);
}

/** Subscribes; returns the unsubscribe. */
export function subscribe<E extends keyof StoreEvents>(
  event: E,
  listener: Listener<E>,
): () => void {
  const set = listenersOf(event);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}
