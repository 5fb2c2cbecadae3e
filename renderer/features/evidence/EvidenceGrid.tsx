// The evidence grid: rows of veiled tiles, virtualised so a 10,000-item case renders only what is
// on screen, with summaries fetched a page at a time as the reviewer scrolls. One listbox holds the
// focus; the keys (shortcuts.ts) move it, select, and triage the selection or the focused item.
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { matches, readingDirection } from '../../base/shortcuts.ts';
import { useEvidence } from './evidence.store.ts';
import { EvidenceTile, tileId } from './EvidenceTile.tsx';
import { columnsFor, moveFocus, type Move } from './grid-model.ts';
import { useTriage } from '../triage/triage.store.ts';
import { readTriageKey } from '../triage/triage-keys.ts';
import { useIntl } from 'react-intl';
import { categoryLabel } from '../../base/domain-labels.ts';
import { runTriageCommand } from '../triage/triage-commands.ts';

/** The narrowest a tile may be; tiles widen to fill the row. */
const TILE_WIDTH = 176;
const GAP = 12;
const ROW_HEIGHT = 244;
const PADDING = 12;

interface GridProps {
  /** The case is closed: keys move and open, but triage keys only say why they do nothing. */
  caseClosed: boolean;
  onOpen: (index: number) => void;
  onReveal: (index: number) => void;
}

const moves: [Parameters<typeof matches>[0], Move][] = [
  ['nextItem', 'next'],
  ['previousItem', 'previous'],
  ['rowDown', 'rowDown'],
  ['rowUp', 'rowUp'],
  ['pageDown', 'pageDown'],
  ['pageUp', 'pageUp'],
  ['firstItem', 'first'],
  ['lastItem', 'last'],
];

function extendMove(event: globalThis.KeyboardEvent): Move {
  if (event.key === 'ArrowDown') return 'rowDown';
  if (event.key === 'ArrowUp') return 'rowUp';
  const back = readingDirection() === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  if (event.key === back || event.code === 'KeyK') return 'previous';
  return 'next';
}

export function EvidenceGrid({ caseClosed, onOpen, onReveal }: GridProps) {
  const intl = useIntl();
  const total = useEvidence((s) => s.total);
  const items = useEvidence((s) => s.items);
  const focusedIndex = useEvidence((s) => s.focusedIndex);
  const selected = useEvidence((s) => s.selected);
  const categories = useTriage((s) => s.categories);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const columns = columnsFor(width - 2 * PADDING, TILE_WIDTH, GAP);
  const rowCount = Math.ceil(total / columns);
  const focusedRow = Math.floor(focusedIndex / columns);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The virtualiser keeps its own state outside React; this component is not compiled by the
  // React Compiler, so its memoisation warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    // The focused tile stays in the DOM even when scrolled out of view: the listbox's
    // aria-activedescendant must always point at an element.
    rangeExtractor: (range: Range) => {
      const rows = defaultRangeExtractor(range);
      return focusedRow < range.count && !rows.includes(focusedRow)
        ? [...rows, focusedRow].sort((a, b) => a - b)
        : rows;
    },
    paddingStart: PADDING,
    paddingEnd: PADDING,
  });
  const rows = virtualizer.getVirtualItems();
  // What is on screen, with a few rows either side; the kept focused row is not counted.
  const firstRow = Math.max(0, (virtualizer.range?.startIndex ?? 0) - 3);
  const lastRow = (virtualizer.range?.endIndex ?? 0) + 3;

  useEffect(() => {
    void useEvidence.getState().ensureRange(firstRow * columns, (lastRow + 1) * columns - 1);
  }, [firstRow, lastRow, columns, total]);

  useEffect(() => {
    if (total > 0) virtualizer.scrollToIndex(focusedRow, { align: 'auto' });
  }, [focusedRow, total, virtualizer]);

  useEffect(() => {
    if (!useEvidence.getState().returnFocus) return;
    useEvidence.getState().setReturnFocus(false);
    scrollRef.current?.focus();
  }, []);

  const shape = () => ({
    columns,
    total,
    visibleRows: Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT),
    ),
  });

  const handleKey = (event: globalThis.KeyboardEvent): boolean => {
    const store = useEvidence.getState();
    const triage = useTriage.getState();
    if (triage.severityPending) {
      const cmd = readTriageKey(event, true);
      if (cmd?.kind === 'severity') {
        void runTriageCommand(cmd, store.targets(), { caseClosed });
        return true;
      }
      void runTriageCommand({ kind: 'cancel-severity-mode' }, []);
      if (event.key === 'Escape') return true;
    }
    if (matches('extendSelection', event)) {
      store.extendTo(moveFocus(store.focusedIndex, extendMove(event), shape()));
      return true;
    }
    for (const [id, move] of moves) {
      if (matches(id, event)) {
        store.focus(moveFocus(store.focusedIndex, move, shape()));
        return true;
      }
    }
    if (matches('openItem', event)) {
      if (store.items[store.focusedIndex]) onOpen(store.focusedIndex);
      return true;
    }
    if (matches('reveal', event)) {
      if (store.items[store.focusedIndex]) onReveal(store.focusedIndex);
      return true;
    }
    if (matches('showChildren', event)) {
      const item = store.items[store.focusedIndex];
      if (item && (item.childCount ?? 0) > 0) void store.showChildren(item);
      return true;
    }
    if (matches('toggleSelect', event)) {
      store.toggle(store.focusedIndex);
      return true;
    }
    if (matches('selectAll', event)) {
      void store.selectAll();
      return true;
    }
    if (event.key === 'Escape' && store.selected.size > 0) {
      store.clearSelection();
      triage.say(
        intl.formatMessage({
          id: 'evidence.selectionCleared',
          defaultMessage: 'Selection cleared.',
        }),
      );
      return true;
    }
    if (event.key === 'Escape' && store.parent) {
      void store.showChildren(null);
      return true;
    }
    const cmd = readTriageKey(event, false);
    if (!cmd) return false;
    void runTriageCommand(cmd, store.targets(), { caseClosed });
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.nativeEvent.isComposing || event.altKey) return;
    if (handleKey(event.nativeEvent)) event.preventDefault();
  };

  const onPointer = (index: number, event: MouseEvent) => {
    const store = useEvidence.getState();
    if (event.shiftKey) store.extendTo(index);
    else if (event.ctrlKey || event.metaKey) store.toggle(index);
    else {
      store.clearSelection();
      store.focus(index);
    }
    event.preventDefault();
    scrollRef.current?.focus();
  };

  const onShowChildren = (index: number) => {
    const item = useEvidence.getState().items[index];
    if (item) void useEvidence.getState().showChildren(item);
    scrollRef.current?.focus();
  };

  const labelOf = (code: string | null) => {
    if (code === null) return null;
    const known = categories.find((c) => c.code === code);
    return known ? categoryLabel(intl, known) : code;
  };

  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="listbox"
      aria-label={intl.formatMessage({ id: 'evidence.items', defaultMessage: 'Evidence items' })}
      aria-multiselectable="true"
      aria-activedescendant={total > 0 ? tileId(focusedIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="evidence-listbox"
      data-total={total}
      data-columns={columns}
    >
      <div className="grid-inner" role="none" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            className="grid-row"
            role="none"
            style={{
              transform: `translateY(${row.start}px)`,
              gap: GAP,
              paddingInline: PADDING,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            }}
          >
            {Array.from({ length: columns }, (_, c) => {
              const index = row.index * columns + c;
              if (index >= total) return null;
              const item = items[index];
              return (
                <EvidenceTile
                  key={index}
                  index={index}
                  total={total}
                  item={item}
                  categoryLabel={labelOf(item?.category ?? null)}
                  focused={index === focusedIndex}
                  selected={item !== undefined && selected.has(item.id)}
                  settled={!virtualizer.isScrolling}
                  onPointer={onPointer}
                  onOpen={onOpen}
                  onShowChildren={onShowChildren}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
