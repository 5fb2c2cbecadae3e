// The case's evidence: adding files (picker or drop), the case-wide search (its results in place
// of the grid), filters and order, the veiled grid (or the files inside one item), what is
// selected, and a status line that says what the last key did.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { defineMessage, FormattedMessage, useIntl } from 'react-intl';
import type { Case } from '../../../shared/domain/case.ts';
import type { SearchHit } from '../../../shared/domain/written.ts';
import { useRoute } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { describeError } from '../../base/i18n.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useSettings } from '../settings/settings.store.ts';
import { useReveal } from '../reveal/reveal.store.ts';
import { useTriage } from '../triage/triage.store.ts';
import { TriageDialogs } from '../triage/TriageDialogs.tsx';
import { useEvidence } from './evidence.store.ts';
import { useIngest } from './ingest.store.ts';
import { EvidenceFilters } from './EvidenceFilters.tsx';
import { EvidenceGrid } from './EvidenceGrid.tsx';
import { ParentBar } from './ParentBar.tsx';
import { SearchResults } from './SearchResults.tsx';
import { useCaseSearch } from './case-search.store.ts';
import { IngestPanel } from './IngestPanel.tsx';
import { StatusLine } from './StatusLine.tsx';
import './evidence.css';

const closedMessage = defineMessage({
  id: 'evidence.closed',
  defaultMessage: 'The case is closed. Reopen it to add evidence.',
});

/** `handedOver`: the case is with a colleague, read-only here (a drop still asks the core, which says why). */
export function EvidenceSection({ c, handedOver = false }: { c: Case; handedOver?: boolean }) {
  const total = useEvidence((s) => s.total);
  const loaded = useEvidence((s) => s.loaded);
  const loadError = useEvidence((s) => s.error);
  const filter = useEvidence((s) => s.filter);
  const searching = useCaseSearch((s) => s.query !== '');
  const selectedCount = useEvidence((s) => s.selected.size);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const { go } = useRoute.getState();
  const intl = useIntl();
  const t = intl.formatMessage;
  const open = c.status === 'open';
  const filtered = Object.values(filter).some((v) => v !== '');

  useEffect(() => {
    if (useCaseSearch.getState().caseId !== c.id) useCaseSearch.getState().clear();
    void useEvidence.getState().open(c.id);
    void useTriage.getState().loadCategories();
    void useSettings.getState().load();
    useTriage.getState().say(null);
  }, [c.id]);

  const focusGrid = () => {
    const grid = sectionRef.current?.querySelector<HTMLElement>('[role="listbox"]');
    grid?.focus();
    grid?.scrollIntoView({ block: 'nearest' });
  };
  const openItem = (index: number, reveal = false) => {
    const store = useEvidence.getState();
    const item = store.items[index];
    if (!item) return;
    store.focus(index);
    store.setReturnFocus(true);
    if (reveal) useReveal.getState().requestFirstStep(item.id);
    go({ name: 'item', caseId: c.id, itemId: item.id });
  };
  const openHit = (hit: SearchHit) => {
    go({ name: 'item', caseId: c.id, itemId: hit.itemId, ...(hit.line ? { line: hit.line } : {}) });
  };
  const openCurrentHit = () => {
    const { hits, current } = useCaseSearch.getState();
    const hit = hits[current];
    if (hit) openHit(hit);
  };
  const focusHits = () =>
    sectionRef.current?.querySelector<HTMLElement>('[data-testid="search-hits"]')?.focus();
  const leaveSearch = () => {
    useCaseSearch.getState().clear();
    // The grid comes back on the next render; focus it then.
    requestAnimationFrame(focusGrid);
  };
  const addEvidence = async () => {
    setProblem(null);
    const outcome = await useIngest.getState().pick(c.id);
    if (!outcome.ok) setProblem(describeError(intl, outcome.error));
  };
  const pack = () => go({ name: 'package', caseId: c.id });

  useShortcut('enterGrid', focusGrid, total > 0 && !searching);
  useShortcut('searchItems', () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  });
  useShortcut('addEvidence', () => void addEvidence(), open && !handedOver);
  useShortcut('package', pack, total > 0);

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!open) return setProblem(t(closedMessage));
    const outcome = await useIngest.getState().drop(c.id, [...event.dataTransfer.files]);
    setProblem(outcome.ok ? null : describeError(intl, outcome.error));
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = open ? 'copy' : 'none';
    setDragging(true);
  };

  return (
    <section
      ref={sectionRef}
      className={`evidence${dragging ? ' evidence-dragging' : ''}`}
      aria-labelledby="evidence-title"
      data-testid="evidence-grid"
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => void onDrop(event)}
    >
      <header className="evidence-header">
        <h2 id="evidence-title" className="section-title">
          <FormattedMessage id="evidence.title" defaultMessage="Evidence" />{' '}
          <span className="muted evidence-count" data-testid="evidence-count">
            {loaded &&
              (filtered
                ? t(
                    {
                      id: 'evidence.count.filtered',
                      defaultMessage: '{shown, number} of {all, number}',
                    },
                    { shown: total, all: c.itemCount },
                  )
                : intl.formatNumber(total))}
          </span>
        </h2>
        <div className="evidence-actions">
          {open && !handedOver && (
            <button
              type="button"
              className="button"
              data-testid="add-evidence"
              aria-keyshortcuts="a"
              onClick={() => void addEvidence()}
            >
              <FormattedMessage id="evidence.add" defaultMessage="Add evidence…" /> <Kbd spec="a" />
            </button>
          )}
          <button
            type="button"
            className="button"
            data-testid="open-timeline"
            disabled={c.itemCount === 0}
            onClick={() => go({ name: 'timeline', caseId: c.id })}
          >
            <FormattedMessage id="evidence.timeline" defaultMessage="Timeline" />
          </button>
          <button
            type="button"
            className="button"
            data-testid="package"
            aria-keyshortcuts="p"
            disabled={c.itemCount === 0}
            onClick={pack}
          >
            <FormattedMessage id="evidence.package" defaultMessage="Package…" /> <Kbd spec="p" />
          </button>
        </div>
      </header>
      {problem && (
        <Notice tone="warning" role="alert" testId="evidence-problem">
          {problem}
        </Notice>
      )}
      {loadError && (
        <Notice tone="warning" role="alert">
          {describeError(intl, loadError)}
        </Notice>
      )}
      <IngestPanel caseId={c.id} />
      {dragging && (
        <p className="drop-hint" aria-hidden="true">
          <FormattedMessage
            id="evidence.dropHint"
            defaultMessage="Drop files or folders to add them to this case. They are shown veiled."
          />
        </p>
      )}
      {(c.itemCount > 0 || filtered) && (
        <EvidenceFilters
          caseId={c.id}
          searchRef={searchRef}
          onLeaveSearch={leaveSearch}
          onEnterResults={focusHits}
          onOpenHit={openCurrentHit}
        />
      )}
      {!searching && <ParentBar />}
      {selectedCount > 0 && (
        <p className="selection-bar" data-testid="selection-bar">
          <FormattedMessage
            id="evidence.selection"
            defaultMessage="<strong>{count, plural, one {# item} other {# items}} selected.</strong> Triage keys act on the selection."
            values={{ count: selectedCount, strong: (chunks) => <strong>{chunks}</strong> }}
          />{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => useEvidence.getState().clearSelection()}
          >
            <FormattedMessage id="evidence.clearSelection" defaultMessage="Clear the selection" />
          </button>{' '}
          <Kbd spec="Escape" />
        </p>
      )}
      {searching ? (
        <SearchResults onOpen={openHit} onLeave={leaveSearch} />
      ) : loaded && total === 0 ? (
        <div className="evidence-empty" data-testid="evidence-empty">
          {filtered ? (
            <p>
              <FormattedMessage
                id="evidence.noMatch"
                defaultMessage="No item matches the search and filters."
              />
            </p>
          ) : (
            <>
              <p>
                <FormattedMessage
                  id="evidence.empty"
                  defaultMessage="No evidence in this case yet."
                />
              </p>
              <p className="muted">
                {open
                  ? t({
                      id: 'evidence.empty.hint',
                      defaultMessage:
                        'Add files with Add evidence, or drop files and folders here. They arrive veiled, and nothing is revealed unless you ask.',
                    })
                  : t(closedMessage)}
              </p>
            </>
          )}
        </div>
      ) : (
        <EvidenceGrid
          caseClosed={!open}
          onOpen={(i) => openItem(i)}
          onReveal={(i) => openItem(i, true)}
        />
      )}
      <StatusLine />
      <TriageDialogs />
    </section>
  );
}
