// The case-wide search's results, in place of the grid while a search is on: each hit's line with
// the matched words marked (text only: the snippet is evidence, never markup), its item's name and
// kind, and where it was found (a line behind the text gate comes without its words). Pictures stay veiled tiles. Arrow keys move, Enter opens the item at
// the hit's line, Escape goes back to the grid.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SearchHit } from '../../../shared/domain/written.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { FileName } from '../../components/FileName.tsx';
import { GatedWords } from '../../components/GatedWords.tsx';
import { describeError } from '../../base/i18n.ts';
import { Notice } from '../../components/Notice.tsx';
import { markedPieces } from '../reading/find-in-text.ts';
import { useCaseSearch } from './case-search.store.ts';
import { FileKindIcon } from './FileKindIcon.tsx';
import { showsPicture } from './file-kind.ts';
import { itemKindLabel, searchFieldLabel } from './item-kind-labels.ts';
import { veiledThumb } from './previews.ts';

export const hitId = (index: number) => `search-hit-${index}`;

interface ResultsProps {
  onOpen: (hit: SearchHit) => void;
  onLeave: () => void;
}

export function SearchResults({ onOpen, onLeave }: ResultsProps) {
  const intl = useIntl();
  const { hits, items, current, searching, error, query } = useCaseSearch();
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    listRef.current?.querySelector(`#${hitId(current)}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, hits]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const { move } = useCaseSearch.getState();
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      Home: () => move(0),
      End: () => move(hits.length - 1),
      Enter: () => {
        const hit = hits[current];
        if (hit) onOpen(hit);
      },
      Escape: onLeave,
    };
    const run = keys[event.key];
    if (!run || event.nativeEvent.isComposing) return;
    event.preventDefault();
    run();
  };

  if (error) {
    return (
      <Notice tone="warning" role="alert">
        {describeError(intl, error)}
      </Notice>
    );
  }
  return (
    <section className="search-results" data-testid="search-results" aria-busy={searching}>
      <p className="muted search-count" role="status" data-testid="search-count">
        {searching ? (
          <FormattedMessage id="search.searching" defaultMessage="Searching…" />
        ) : (
          <FormattedMessage
            id="search.count"
            defaultMessage="{count, plural, =0 {Nothing in this case matches {query}.} one {# match for {query}} other {# matches for {query}}}"
            values={{ count: hits.length, query: <bdi>{query}</bdi> }}
          />
        )}
      </p>
      {hits.length > 0 && (
        <ol
          ref={listRef}
          className="search-hits"
          role="listbox"
          tabIndex={0}
          aria-label={intl.formatMessage({
            id: 'search.results',
            defaultMessage: 'Search results',
          })}
          aria-activedescendant={hitId(current)}
          data-testid="search-hits"
          onKeyDown={onKeyDown}
        >
          {hits.map((hit, index) => (
            <HitRow
              key={`${hit.itemId}-${hit.field}-${hit.line ?? ''}-${index}`}
              hit={hit}
              index={index}
              item={items[hit.itemId]}
              current={index === current}
              onOpen={() => {
                useCaseSearch.getState().move(index);
                onOpen(hit);
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface HitRowProps {
  hit: SearchHit;
  index: number;
  item: ItemSummary | undefined;
  current: boolean;
  onOpen: () => void;
}

function HitRow({ hit, index, item, current, onOpen }: HitRowProps) {
  const intl = useIntl();
  const pieces = markedPieces(
    hit.snippet,
    hit.marks.map(([start, end]) => ({ start, end })),
  );
  return (
    <li
      id={hitId(index)}
      role="option"
      aria-selected={current}
      className={`search-hit${current ? ' search-hit-current' : ''}`}
      data-testid="search-hit"
      data-item-id={hit.itemId}
      data-line={hit.line ?? undefined}
      onClick={onOpen}
    >
      <span className="search-hit-thumb" aria-hidden="true">
        {item && showsPicture(item) ? (
          <img src={veiledThumb(item.id)} alt="" loading="lazy" draggable={false} />
        ) : (
          <FileKindIcon mime={item?.mime ?? ''} name={item?.originalName ?? ''} />
        )}
      </span>
      <span className="search-hit-body">
        <span className="search-hit-item">
          {item && <FileName name={item.originalName} truncate />}
          <span className="muted">
            {item && itemKindLabel(intl, item.kind)}
            {' · '}
            {hit.line !== null
              ? intl.formatMessage(
                  { id: 'search.hit.line', defaultMessage: '{field}, line {line, number}' },
                  { field: searchFieldLabel(intl, hit.field), line: hit.line },
                )
              : searchFieldLabel(intl, hit.field)}
          </span>
        </span>
        {hit.gated ? (
          <GatedWords />
        ) : (
          <span className="search-hit-line" dir="auto" data-testid="search-hit-line">
            {pieces.map((piece, k) =>
              piece.marked ? <mark key={k}>{piece.text}</mark> : <span key={k}>{piece.text}</span>,
            )}
          </span>
        )}
      </span>
    </li>
  );
}
