// Triage actions on a set of items: category, severity, tags, notes, escalation. Each goes to the
// core first; only its confirmation changes what the grid and the item view show, and a short
// sentence says what happened (read out by screen readers, shown in the status line).
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { describeError } from '../../base/i18n.ts';
import { currentIntl } from '../../base/current-intl.ts';
import { categoryLabel, schemeCategoryLabel, severityLabel } from '../../base/domain-labels.ts';
import { announce } from '../../base/store-events.ts';
import { invoke } from '../../ipc/client.ts';
import type { CategorySchemeId } from '../../../shared/domain/category-schemes.ts';
import { keyedCategories } from './triage-keys.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import {
  type Category,
  type TriageUndo,
  type TriageUndone,
} from '../../../shared/domain/triage.ts';

export const ESCALATED_TAG = 'escalated';
export const ESCALATED_SEVERITY = 5;

interface TriageState {
  categories: Category[];
  /**
   * The schemes the reviewer works in, the primary first (the number keys label in it; labels
   * are suggested in all of them). As the core keeps them: Custody's alone until read.
   */
  schemes: CategorySchemeId[];
  /** The last refusal of a change of schemes, in the core's words. */
  schemesError: string | null;
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
  /** Asks the core to work in these schemes, the primary first; the store follows its answer. */
  chooseSchemes: (schemes: CategorySchemeId[]) => Promise<Outcome<CategorySchemeId[]>>;
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
export const categoryOptions = (intl: IntlShape, categories: readonly Category[]) =>
  categories.map(
    (c) =>
      [
        c.code,
        intl.formatMessage(
          { id: 'triage.categoryOption', defaultMessage: '{position}. {label}' },
          { position: c.position, label: categoryLabel(intl, c) },
        ),
      ] as const,
  );

// The sentences a triage action ends with, in the interface's language at the time.
const t = (
  descriptor: MessageDescriptor,
  values?: Record<string, string | number | null>,
): string => currentIntl().formatMessage(descriptor, values);

export const useTriage = defineStore<TriageState, TriageActions>(
  () => ({
    categories: [],
    schemes: ['custody'],
    schemesError: null,
    notice: null,
    error: null,
    severityPending: false,
    dialog: null,
  }),
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
        set({ error: describeError(currentIntl(), outcome.error), notice: null });
        return outcome;
      }
      announce('items-changed', { ids, change });
      set({ notice: sentence, error: null });
      return { ok: true, value: ids.length };
    };
    /** A number key in another primary scheme: that scheme's label, logged by the core. */
    const labelByPosition = async (
      ids: string[],
      scheme: CategorySchemeId,
      position: number | null,
    ): Promise<Outcome<number>> => {
      const keyed = keyedCategories(scheme).find((c) => c.position === position);
      if (!keyed) {
        set({
          error: t(
            {
              id: 'triage.noSchemeCategory',
              defaultMessage:
                '{position, select, none {A label in this scheme is replaced, not cleared.} other {The scheme has no category {position}.}}',
            },
            { position: position ?? 'none' },
          ),
          notice: null,
        });
        return { ok: true, value: 0 };
      }
      const outcome = await run(
        ids,
        async () => {
          for (const itemId of ids)
            await invoke('hashlists:label', { itemId, categoryId: keyed.id, from: null });
        },
        (i) => i,
        t(
          {
            id: 'triage.labelled',
            defaultMessage: '{count, plural, one {# item} other {# items}}: {label} ({id}).',
          },
          { count: ids.length, label: schemeCategoryLabel(currentIntl(), keyed.id), id: keyed.id },
        ),
      );
      // Labels outside Custody's scheme can keep an item veiled and change its suggestions.
      if (outcome.ok) announce('matches-changed', {});
      return outcome;
    };
    const label = (code: string) => {
      const known = get().categories.find((c) => c.code === code);
      return known ? categoryLabel(currentIntl(), known) : code;
    };

    return {
      loadCategories: async () => {
        // The scheme is fixed by the vault's migrations, and the chosen schemes change only
        // through chooseSchemes: once per unlock is enough, however many screens (each item
        // stepped to among them) ask for it.
        if (get().categories.length > 0) return;
        const guard = staleGuard();
        const [outcome, chosen] = await Promise.all([
          attempt(guard, () => invoke('triage:categories', {})),
          attempt(guard, () => invoke('hashlists:schemes', {})),
        ]);
        if (outcome.ok)
          set({ categories: [...outcome.value].sort((a, b) => a.position - b.position) });
        // Read with the categories: before any case opens, the settings screen shows them.
        const schemes = chosen.ok ? chosen.value?.schemes : undefined;
        if (schemes?.length) set({ schemes });
      },
      chooseSchemes: async (schemes) => {
        const outcome = await attempt(staleGuard(), () =>
          invoke('hashlists:set-schemes', { schemes }),
        );
        if (!outcome.ok) {
          set({ schemesError: describeError(currentIntl(), outcome.error) });
          return outcome;
        }
        // The item view asks for its suggestions (made into these schemes) each time it opens.
        set({ schemes: outcome.value.schemes, schemesError: null });
        return { ok: true, value: outcome.value.schemes };
      },
      categorise: (ids, code) =>
        run(
          ids,
          () => invoke('triage:categorise', { itemIds: ids, category: code }),
          (i) => ({ ...i, category: code }),
          code === null
            ? t(
                {
                  id: 'triage.categoryCleared',
                  defaultMessage:
                    '{count, plural, one {# item} other {# items}}: category cleared.',
                },
                { count: ids.length },
              )
            : t(
                {
                  id: 'triage.categorised',
                  defaultMessage: '{count, plural, one {# item} other {# items}}: {category}.',
                },
                { count: ids.length, category: label(code) },
              ),
        ),
      categoriseByPosition: async (ids, position) => {
        const scheme = primaryScheme(get());
        if (scheme !== 'custody') return labelByPosition(ids, scheme, position);
        if (position === null) return get().categorise(ids, null);
        const category = get().categories.find((c) => c.position === position);
        if (!category) {
          set({
            error: t(
              { id: 'triage.noCategory', defaultMessage: 'The scheme has no category {position}.' },
              { position },
            ),
            notice: null,
          });
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
            ? t(
                {
                  id: 'triage.severityCleared',
                  defaultMessage:
                    '{count, plural, one {# item} other {# items}}: severity cleared.',
                },
                { count: ids.length },
              )
            : t(
                {
                  id: 'triage.severitySet',
                  defaultMessage:
                    '{count, plural, one {# item} other {# items}}: severity {severity} ({label}).',
                },
                { count: ids.length, severity, label: severityLabel(currentIntl(), severity) },
              ),
        ),
      tag: (ids, tag, on) =>
        run(
          ids,
          () => invoke('triage:tag', { itemIds: ids, tag, on }),
          (i) => ({
            ...i,
            tags: on ? [...new Set([...i.tags, tag])].sort() : i.tags.filter((t) => t !== tag),
          }),
          on
            ? t(
                {
                  id: 'triage.tagged',
                  defaultMessage: '{count, plural, one {# item} other {# items}}: tagged “{tag}”.',
                },
                { count: ids.length, tag },
              )
            : t(
                {
                  id: 'triage.untagged',
                  defaultMessage:
                    '{count, plural, one {# item} other {# items}}: tag “{tag}” removed.',
                },
                { count: ids.length, tag },
              ),
        ),
      note: (ids, body) =>
        run(
          ids,
          async () => {
            for (const itemId of ids) await invoke('notes:add', { itemId, body });
          },
          (i) => i,
          t(
            {
              id: 'triage.noteAdded',
              defaultMessage: '{count, plural, one {Note added.} other {Note added to # items.}}',
            },
            { count: ids.length },
          ),
        ),
      escalate: async (ids) => {
        const severity = await get().setSeverity(ids, ESCALATED_SEVERITY);
        if (!severity.ok) return severity;
        const tagged = await get().tag(ids, ESCALATED_TAG, true);
        if (tagged.ok) {
          set({
            notice: t(
              {
                id: 'triage.escalated',
                defaultMessage:
                  'Escalated {count, plural, one {# item} other {# items}}: severity 5 ({label}) and the tag “{tag}”.',
              },
              {
                count: ids.length,
                label: severityLabel(currentIntl(), ESCALATED_SEVERITY),
                tag: ESCALATED_TAG,
              },
            ),
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
          set({ error: describeError(currentIntl(), outcome.error), notice: null });
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
        ? t({ id: 'triage.undone.categoryCleared', defaultMessage: 'category cleared again' })
        : t(
            { id: 'triage.undone.category', defaultMessage: 'category back to {category}' },
            { category: label(undone.restored) },
          );
    case 'severity':
      return undone.restored === null
        ? t({ id: 'triage.undone.severityCleared', defaultMessage: 'severity cleared again' })
        : t(
            {
              id: 'triage.undone.severity',
              defaultMessage: 'severity back to {severity} ({label})',
            },
            { severity: undone.restored, label: severityLabel(currentIntl(), undone.restored) },
          );
    case 'tag':
      return undone.restored
        ? t(
            { id: 'triage.undone.tagBack', defaultMessage: 'tag “{tag}” put back' },
            { tag: undone.tag },
          )
        : t(
            { id: 'triage.undone.tagRemoved', defaultMessage: 'tag “{tag}” removed' },
            { tag: undone.tag },
          );
  }
}

function undoSentence(
  undone: readonly TriageUndo[],
  asked: number,
  label: (code: string) => string,
): string {
  if (undone.length === 0)
    return t({ id: 'triage.undo.nothing', defaultMessage: 'Nothing left to undo.' });
  if (asked === 1 && undone[0]?.undone)
    return t(
      { id: 'triage.undo.one', defaultMessage: 'Undid: {what}.' },
      { what: undoneWords(undone[0].undone, label) },
    );
  return t(
    {
      id: 'triage.undo.many',
      defaultMessage: 'Undid the last change on {count, plural, one {# item} other {# items}}.',
    },
    { count: undone.length },
  );
}

/** The scheme the number keys label in: the first the reviewer chose. */
export const primaryScheme = (s: Pick<TriageState, 'schemes'>): CategorySchemeId =>
  s.schemes[0] ?? 'custody';

export const isEscalated = (i: Pick<ItemSummary, 'tags'>) => i.tags.includes(ESCALATED_TAG);
