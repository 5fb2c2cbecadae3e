// The item in view's labels in every scheme and the labels the mapping suggests from them. The
// core makes the suggestions; confirming one asks the core to record it (logged with the label it
// came from and the relation). Nothing is applied without the reviewer's click.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt } from '../../base/outcome.ts';
import { announce, subscribe } from '../../base/store-events.ts';
import { invoke } from '../../ipc/client.ts';
import type { Response } from '../../../shared/contract/index.ts';

export type LabelSuggestion = Response<'hashlists:suggest'>['suggestions'][number];

interface SuggestionsState {
  itemId: string | null;
  labels: string[];
  suggestions: LabelSuggestion[];
  error: string | null;
}

interface SuggestionsActions {
  load: (itemId: string) => Promise<void>;
  confirm: (suggestion: LabelSuggestion) => Promise<void>;
}

export const useLabelSuggestions = defineStore<SuggestionsState, SuggestionsActions>(
  () => ({ itemId: null, labels: [], suggestions: [], error: null }),
  (set, get) => ({
    load: async (itemId) => {
      if (get().itemId !== itemId) set({ itemId, labels: [], suggestions: [], error: null });
      const outcome = await attempt(staleGuard(), () => invoke('hashlists:labels', { itemId }));
      if (get().itemId !== itemId || !outcome.ok) return;
      set({ labels: outcome.value.labels, suggestions: outcome.value.suggestions });
    },
    confirm: async ({ from, to }) => {
      const itemId = get().itemId;
      if (!itemId) return;
      const done = await attempt(staleGuard(), () =>
        invoke('hashlists:label', { itemId, categoryId: to, from }),
      );
      set({ error: done.ok ? null : done.error.message });
      // A new label may keep the item veiled and changes what is suggested: both reload on this.
      if (done.ok) announce('matches-changed', {});
    },
  }),
);

// A triage key or a confirmed match may have given the item a label: suggest afresh.
const reload = () => {
  const itemId = useLabelSuggestions.getState().itemId;
  if (itemId) void useLabelSuggestions.getState().load(itemId);
};
subscribe('items-changed', reload);
subscribe('matches-changed', reload);
