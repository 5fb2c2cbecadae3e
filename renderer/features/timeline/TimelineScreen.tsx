// A case in time order: every dated event across kinds (an e-mail's date, each chat message, a
// page's capture time, a photo's capture time), each opening its item at the message, with the time
// zone said; then the items whose metadata records a position, as text (offline: no map). Arrow
// keys move through each list, Enter opens, Escape goes back to the case.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { gpsText } from '../../../shared/domain/gps-text.ts';
import type { TimelineEntry } from '../../../shared/domain/written.ts';
import { useRoute } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { describeError } from '../../base/i18n.ts';
import { EvidenceDate } from '../../components/EvidenceDate.tsx';
import { FileName } from '../../components/FileName.tsx';
import { GatedWords } from '../../components/GatedWords.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useCases } from '../cases/cases.store.ts';
import { itemKindLabel } from '../evidence/item-kind-labels.ts';
import { useTimeline } from './timeline.store.ts';
import './timeline.css';

/** Arrow keys, Home and End move the focus between a list's buttons. */
function moveBetweenButtons(event: KeyboardEvent<HTMLElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const to = {
    ArrowDown: at + 1,
    ArrowUp: at - 1,
    Home: 0,
    End: buttons.length - 1,
  }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  buttons[Math.min(Math.max(0, to), buttons.length - 1)]?.focus();
}

export function TimelineScreen({ caseId }: { caseId: string }) {
  const c = useCases((s) => s.cases.find((x) => x.id === caseId));
  const { entries, items, located, loaded, error } = useTimeline();
  const { go, back } = useRoute.getState();
  const intl = useIntl();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    headingRef.current?.focus();
    void useTimeline.getState().open(caseId);
  }, [caseId]);
  useShortcut('back', back);

  const open = (itemId: string, line: number | null) =>
    go({ name: 'item', caseId, itemId, ...(line ? { line } : {}) });

  return (
    <article className="page page-wide" aria-labelledby="timeline-title" data-testid="timeline">
      <button type="button" className="button-link back-link" onClick={back}>
        <FormattedMessage id="packets.backArrow" defaultMessage="← Back to the case" />
      </button>
      <header className="page-header">
        <h1 id="timeline-title" className="page-title" tabIndex={-1} ref={headingRef}>
          {c ? (
            <FormattedMessage
              id="timeline.titleFor"
              defaultMessage="Timeline of {case}"
              values={{ case: <bdi dir="auto">{c.title}</bdi> }}
            />
          ) : (
            <FormattedMessage id="timeline.title" defaultMessage="Timeline" />
          )}
        </h1>
        <p className="muted" data-testid="timeline-zone">
          <FormattedMessage
            id="timeline.zone"
            defaultMessage="Times are in your time zone, {zone}, with UTC in brackets. The evidence records them in UTC."
            values={{ zone: <bdi dir="ltr">{zone}</bdi> }}
          />
        </p>
      </header>
      {error && (
        <Notice tone="warning" role="alert">
          {describeError(intl, error)}
        </Notice>
      )}
      <section aria-labelledby="timeline-events-title">
        <h2 id="timeline-events-title" className="section-title">
          <FormattedMessage
            id="timeline.events"
            defaultMessage="{count, plural, one {# event} other {# events}}"
            values={{ count: entries.length }}
          />
        </h2>
        {loaded && entries.length === 0 ? (
          <p className="muted" data-testid="timeline-empty">
            <FormattedMessage
              id="timeline.none"
              defaultMessage="No item of this case records when it happened."
            />
          </p>
        ) : (
          <ol
            className="timeline-list"
            data-testid="timeline-entries"
            onKeyDown={moveBetweenButtons}
          >
            {entries.map((entry, index) => (
              <li key={`${entry.itemId}-${entry.at}-${index}`}>
                <EntryButton
                  entry={entry}
                  name={items[entry.itemId]?.originalName ?? ''}
                  kind={items[entry.itemId]?.kind}
                  onOpen={() => open(entry.itemId, entry.line)}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="timeline-gps-title">
        <h2 id="timeline-gps-title" className="section-title">
          <FormattedMessage
            id="timeline.gps"
            defaultMessage="{count, plural, =0 {No item records a position (GPS)} one {# item records a position (GPS)} other {# items record a position (GPS)}}"
            values={{ count: located.length }}
          />
        </h2>
        {located.length > 0 && (
          <ul className="timeline-list" data-testid="gps-list" onKeyDown={moveBetweenButtons}>
            {located.map(({ item, gps }) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="timeline-entry"
                  data-testid="gps-entry"
                  data-item-id={item.id}
                  onClick={() => open(item.id, null)}
                >
                  <span className="timeline-item">
                    <FileName name={item.originalName} />
                    <span className="muted">{itemKindLabel(intl, item.kind)}</span>
                  </span>
                  <bdi dir="ltr" className="mono" data-testid="gps-text">
                    {gpsText(gps)}
                  </bdi>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

interface EntryProps {
  entry: TimelineEntry;
  name: string;
  kind: Parameters<typeof itemKindLabel>[1] | undefined;
  onOpen: () => void;
}

function EntryButton({ entry, name, kind, onOpen }: EntryProps) {
  const intl = useIntl();
  return (
    <button
      type="button"
      className="timeline-entry"
      data-testid="timeline-entry"
      data-item-id={entry.itemId}
      data-source={entry.source}
      data-line={entry.line ?? undefined}
      onClick={onOpen}
    >
      <span className="timeline-when">
        <EvidenceDate iso={entry.at} />
      </span>
      <span className="timeline-item">
        <FileName name={name} />
        <span className="muted">
          {kind && itemKindLabel(intl, kind)}
          {entry.line !== null &&
            ` · ${intl.formatMessage({ id: 'timeline.line', defaultMessage: 'line {line, number}' }, { line: entry.line })}`}
        </span>
      </span>
      {entry.source === 'event' &&
        (entry.gated ? (
          <GatedWords />
        ) : (
          <span className="timeline-text" dir="auto" data-testid="timeline-text">
            {entry.who && <strong dir="auto">{entry.who}: </strong>}
            {entry.text}
          </span>
        ))}
    </button>
  );
}
