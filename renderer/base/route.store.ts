// In-memory routing: no URL holds a case id, and a lock resets it to the case list.
import { defineStore } from './store.ts';

export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'new-case' }
  | { name: 'edit-case'; id: string }
  /** `line`: the text line to open at (1-based), from a search hit or a timeline entry. */
  | { name: 'item'; caseId: string; itemId: string; line?: number }
  | { name: 'package'; caseId: string }
  | { name: 'timeline'; caseId: string }
  | { name: 'settings' }
  | { name: 'reports' }
  | { name: 'hash-lists' }
  | { name: 'colleagues' };

interface RouteState {
  route: Route;
  history: Route[];
}

interface RouteActions {
  go: (route: Route) => void;
  /** Replaces the current route without adding a step to go back through. */
  replace: (route: Route) => void;
  back: () => void;
}

export const useRoute = defineStore<RouteState, RouteActions>(
  () => ({ route: { name: 'cases' }, history: [] }),
  (set, get) => ({
    go: (route) => set({ route, history: [...get().history, get().route] }),
    replace: (route) => set({ route }),
    back: () => {
      const history = get().history;
      const previous = history.at(-1) ?? { name: 'cases' };
      set({ route: previous, history: history.slice(0, -1) });
    },
  }),
);
