// Triage actions on a set of items: category, severity, tags, notes, escalation. Each goes to the
// core first; only its confirmation changes what the grid and the item view show, and a short
// sentence says what happened (read out by screen readers, shown in the status line).
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { plural } from '../../base/i18n.ts';
import { announce } from '../../base/store-events.ts';
import { invoke } from '../../ipc/client.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import {
  severityLabels,
  type Category,
  type TriageUndo,
  type TriageUndone,
} from '../../../shared/domain/triage.ts';

export const ESCALATED_TAG = 'escalated';
export const ESCALATED_SEVERITY = 5;

interface TriageState {
  categories: Category[];
  /** What the last triage action did, in a sentence. */
  notice: string | null;
  /** The last refusal, in the core's words. */
  error: string | null;
  /** `s` was pressed: the next digit is a severity. */
  severityPending: boolean;
  /** The small tag or note dialog, and the items it acts on. */
  dialog: { kind: 'tag' | 'note'; ids: string[] } | null;
}

interface TriageActions {
  loadCategories: () => Promise<void>;
  categorise: (ids: string[], code: string | null) => Promise<Outcome<number>>;
  categoriseByPosition: (ids: string[], position: number | null) => Promise<Outcome<number>>;
  setSeverity: (ids: string[], severity: number | null) => Promise<Outcome<number>>;
  tag: (ids: string[], tag: string, on: boolean) => Promise<Outcome<number>>;
  note: (ids: string[], body: string) => Promise<Outcome<number>>;
  escalate: (ids: string[]) => Promise<Outcome<number>>;
  /** Undoes each item's last triage change, one core call per item. */
  undo: (ids: string[]) => Promise<Outcome<number>>;
  say: (notice: string | null) => void;
  setSeverityPending: (pending: boolean) => void;
  openDialog: (kind: 'tag' | 'note', ids: string[]) => void;
  closeDialog: () => void;
}

/** The scheme's categories as select options, numbered by the key that picks each. */
export const categoryOptions = (categories: readonly Category[]) =>
  categories.map((c) => [c.code, `${c.position}. ${c.label}`] as const);

const itemsWord = (ids: readonly string[]) => plural(ids.length, 'item', 'items');

export const useTriage = defineStore<TriageState, TriageActions>(
  () => ({ categories: [], notice: null, error: null, severityPending: false, dialog: null }),
  (set, get) => {
    /** Runs a triage call on ids and reports it. */
    const run = async (
      ids: string[],
      call: () => Promise<unknown>,
      change: (i: ItemSummary) => ItemSummary,
      sentence: string,
    ): Promise<Outcome<number>> => {
      if (ids.length === 0) return { ok: true, value: 0 };
      const outcome = await attempt(staleGuard(), call);
      if (!outcome.ok) {
        set({ error: outcome.error.message, notice: null });
        return outcome;
      }
      announce('items-changed', { ids, change });
      set({ notice: sentence, error: null });
      return { ok: true, value: ids.length };
    };
    const label = (code: string) => get().categories.find((c) => c.code === code)?.label ?? code;

    return {
      loadCategories: async () => {
        // The scheme is fixed by the vault's migrations: once per unlock is enough, however many
        // screens (each item stepped to among them) ask for it.
        if (get().categories.length > 0) return;
        const outcome = await attempt(staleGuard(), () => invoke('triage:categories', {}));
        if (outcome.ok)
          set({ categories: [...outcome.value].sort((a, b) => a.position - b.position) });
      },
      categorise: (ids, code) =>
        run(
          ids,
          () => invoke('triage:categorise', { itemIds: ids, category: code }),
          (i) => ({ ...i, category: code }),
          code === null
            ? `${itemsWord(ids)}: category cleared.`
            : `${itemsWord(ids)}: ${label(code)}.`,
        ),
      categoriseByPosition: async (ids, position) => {
        if (position === null) return get().categorise(ids, null);
        const category = get().categories.find((c) => c.position === position);
        if (!category) {
          set({ error: `The scheme has no category ${position}.`, notice: null });
          return { ok: true, value: 0 };
        }
        return get().categorise(ids, category.code);
      },
      setSeverity: (ids, severity) =>
        run(
          ids,
          () => invoke('triage:severity', { itemIds: ids, severity }),
          (i) => ({ ...i, severity }),
          severity === null
            ? `${itemsWord(ids)}: severity cleared.`
            : `${itemsWord(ids)}: severity ${severity} (${severityLabels[severity]}).`,
        ),
      tag: (ids, tag, on) =>
        run(
          ids,
          () => invoke('triage:tag', { itemIds: ids, tag, on }),
          (i) => ({
            ...i,
            tags: on ? [...new Set([...i.tags, tag])].sort() : i.tags.filter((t) => t !== tag),
          }),
          on ? `${itemsWord(ids)}: tagged “${tag}”.` : `${itemsWord(ids)}: tag “${tag}” removed.`,
        ),
      note: (ids, body) =>
        run(
          ids,
          async () => {
            for (const itemId of ids) await invoke('notes:add', { itemId, body });
          },
          (i) => i,
          ids.length === 1 ? 'Note added.' : `Note added to ${itemsWord(ids)}.`,
        ),
      escalate: async (ids) => {
        const severity = await get().setSeverity(ids, ESCALATED_SEVERITY);
        if (!severity.ok) return severity;
        const tagged = await get().tag(ids, ESCALATED_TAG, true);
        if (tagged.ok) {
          set({
            notice: `Escalated ${itemsWord(ids)}: severity 5 (Critical) and the tag “${ESCALATED_TAG}”.`,
          });
        }
        return tagged;
      },
      undo: async (ids) => {
        const results: TriageUndo[] = [];
        const outcome = await attempt(staleGuard(), async () => {
          for (const itemId of ids) results.push(await invoke('triage:undo', { itemId }));
        });
        // Items undone before a refusal did change: show them either way.
        const byId = new Map(results.map((r) => [r.itemId, r]));
        if (byId.size > 0) {
          announce('items-changed', {
            ids: [...byId.keys()],
            change: (i) => {
              const r = byId.get(i.id);
              return r ? { ...i, category: r.category, severity: r.severity, tags: r.tags } : i;
            },
          });
        }
        if (!outcome.ok) {
          set({ error: outcome.error.message, notice: null });
          return outcome;
        }
        const undone = results.filter((r) => r.undone !== null);
        set({ notice: undoSentence(undone, results.length, label), error: null });
        return { ok: true, value: undone.length };
      },
      say: (notice) => set({ notice, error: null }),
      setSeverityPending: (severityPending) => set({ severityPending }),
      openDialog: (kind, ids) => {
        if (ids.length > 0) set({ dialog: { kind, ids } });
      },
      closeDialog: () => set({ dialog: null }),
    };
  },
);

/** What an undo put back, in words: "category back to Harassment". */
export function undoneWords(undone: TriageUndone, label: (code: string) => string): string {
  switch (undone.field) {
    case 'category':
      return undone.restored === null
        ? 'category cleared again'
        : `category back to ${label(undone.restored)}`;
    case 'severity':
      return undone.restored === null
        ? 'severity cleared again'
        : `severity back to ${undone.restored} (${severityLabels[undone.restored] ?? ''})`;
    case 'tag':
      return undone.restored ? `tag “${undone.tag}” put back` : `tag “${undone.tag}” removed`;
  }
}

function undoSentence(
  undone: readonly TriageUndo[],
  asked: number,
  label: (code: string) => string,
): string {
  if (undone.length === 0) return 'Nothing left to undo.';
  if (asked === 1 && undone[0]?.undone) return `Undid: ${undoneWords(undone[0].undone, label)}.`;
  return `Undid the last change on ${plural(undone.length, 'item', 'items')}.`;
}

export const isEscalated = (i: Pick<ItemSummary, 'tags'>) => i.tags.includes(ESCALATED_TAG);
