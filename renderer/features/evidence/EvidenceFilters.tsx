// The case-wide search box and the grid's filters. The search waits for a pause in typing, so a
// 10,000-document case is not searched again on every key.
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Kbd } from '../../components/Kbd.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { categoryOptions, useTriage } from '../triage/triage.store.ts';
import { itemKinds, type ItemKind, type ItemSort } from '../../../shared/domain/item.ts';
import { languageName } from '../../base/i18n.ts';
import { noFilter, useEvidence, type EvidenceFilter } from './evidence.store.ts';
import { itemKindLabel } from './item-kind-labels.ts';
import { useCaseSearch } from './case-search.store.ts';

const SEARCH_PAUSE_MS = 250;

function kindOptions(intl: IntlShape): SelectOption<EvidenceFilter['kind']>[] {
  const t = intl.formatMessage;
  return [
    ['', t({ id: 'evidence.filter.allKinds', defaultMessage: 'Every kind' })],
    ...itemKinds.map((k): SelectOption<ItemKind> => [k, itemKindLabel(intl, k)]),
  ];
}
function flagOptions(intl: IntlShape): SelectOption<EvidenceFilter['flag']>[] {
  const t = intl.formatMessage;
  return [
    ['', t({ id: 'evidence.filter.anything', defaultMessage: 'Anything' })],
    ['gps', t({ id: 'evidence.filter.gps', defaultMessage: 'Location (GPS) in the metadata' })],
    ['animated', t({ id: 'evidence.filter.animated', defaultMessage: 'Animated' })],
    [
      'duplicate-acquired',
      t({ id: 'evidence.filter.acquiredAgain', defaultMessage: 'Acquired more than once' }),
    ],
    ['hash-match', t({ id: 'evidence.filter.matched', defaultMessage: 'Hash-list match' })],
    ['similar', t({ id: 'evidence.filter.similar', defaultMessage: 'Similar to another item' })],
    [
      'damaged',
      t({ id: 'evidence.filter.damaged', defaultMessage: 'Damaged (could not be read)' }),
    ],
  ];
}
function sortOptions(intl: IntlShape): SelectOption<ItemSort>[] {
  const t = intl.formatMessage;
  return [
    ['event', t({ id: 'evidence.sort.event', defaultMessage: 'When it happened' })],
    ['acquired', t({ id: 'evidence.sort.acquired', defaultMessage: 'When it was acquired' })],
    ['name', t({ id: 'evidence.sort.name', defaultMessage: 'Name' })],
    ['size', t({ id: 'evidence.sort.size', defaultMessage: 'Size' })],
    ['kind', t({ id: 'evidence.sort.kind', defaultMessage: 'Kind' })],
  ];
}

interface FiltersProps {
  caseId: string;
  searchRef: RefObject<HTMLInputElement | null>;
  /** To the grid (Escape, or nothing found). */
  onLeaveSearch: () => void;
  /** To the results list (ArrowDown). */
  onEnterResults: () => void;
  /** Enter: the hit the keyboard is on. */
  onOpenHit: () => void;
}

export function EvidenceFilters(props: FiltersProps) {
  const { caseId, searchRef, onLeaveSearch } = props;
  const filter = useEvidence((s) => s.filter);
  const sort = useEvidence((s) => s.sort);
  const layout = useEvidence((s) => s.layout);
  const languages = useEvidence((s) => s.languages);
  const categories = useTriage((s) => s.categories);
  const query = useCaseSearch((s) => s.typed);
  const { setFilter } = useEvidence.getState();
  const intl = useIntl();
  const t = intl.formatMessage;

  useEffect(() => {
    if (query.trim() === useCaseSearch.getState().query) return;
    const timer = setTimeout(
      () => void useCaseSearch.getState().search(caseId, query),
      SEARCH_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [query, caseId]);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const search = useCaseSearch.getState();
    const pending = query.trim() !== search.query;
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      if (pending) {
        // Search now rather than after the pause; the keyboard stays here until the hits arrive.
        void search.search(caseId, query);
        return;
      }
      if (search.hits.length === 0) onLeaveSearch();
      else if (event.key === 'Enter') props.onOpenHit();
      else props.onEnterResults();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      search.clear();
      onLeaveSearch();
    }
  };

  const changed = (Object.keys(noFilter) as (keyof EvidenceFilter)[]).some(
    (k) => k !== 'parentId' && filter[k] !== noFilter[k],
  );

  return (
    <div
      className="evidence-filters"
      role="group"
      aria-label={t({ id: 'evidence.filter.group', defaultMessage: 'Search and filters' })}
    >
      <div className="search evidence-search">
        <label htmlFor="item-search" className="visually-hidden">
          <FormattedMessage id="evidence.searchCase" defaultMessage="Search the case" />
        </label>
        <input
          id="item-search"
          ref={searchRef}
          type="search"
          className="input search-input"
          placeholder={t({
            id: 'evidence.searchCase.placeholder',
            defaultMessage: 'Search names, text, headers, notes, tags, hashes',
          })}
          value={query}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/ Control+F"
          data-testid="item-search"
          onChange={(event) => useCaseSearch.getState().type(event.target.value)}
          onKeyDown={onSearchKeyDown}
        />
        <span className="search-key" aria-hidden="true">
          <Kbd spec="/" />
        </span>
      </div>
      <SelectField
        label={t({ id: 'evidence.filter.category', defaultMessage: 'Category' })}
        value={filter.category}
        options={[
          ['', t({ id: 'evidence.filter.anyCategory', defaultMessage: 'Any category' })],
          ['untriaged', t({ id: 'evidence.filter.untriaged', defaultMessage: 'Untriaged' })],
          ...categoryOptions(intl, categories),
        ]}
        onChange={(category) => void setFilter({ category })}
        testId="filter-category"
      />
      <SelectField
        label={t({ id: 'evidence.filter.type', defaultMessage: 'Type' })}
        value={filter.kind}
        options={kindOptions(intl)}
        onChange={(kind) => void setFilter({ kind })}
        testId="filter-type"
      />
      {(languages.length > 0 || filter.language !== '') && (
        <SelectField
          label={t({ id: 'evidence.filter.language', defaultMessage: 'Language' })}
          value={filter.language}
          options={[
            ['', t({ id: 'evidence.filter.anyLanguage', defaultMessage: 'Any language' })],
            ...languages.map((l): SelectOption<string> => [l, languageName(intl, l)]),
          ]}
          onChange={(language) => void setFilter({ language })}
          testId="filter-language"
        />
      )}
      <SelectField
        label={t({ id: 'evidence.filter.found', defaultMessage: 'Found in the evidence' })}
        value={filter.flag}
        options={flagOptions(intl)}
        onChange={(flag) => void setFilter({ flag })}
        testId="filter-flag"
      />
      <SelectField
        label={t({ id: 'evidence.sort', defaultMessage: 'Order' })}
        value={sort}
        options={sortOptions(intl)}
        onChange={(next) => void useEvidence.getState().setSort(next)}
        testId="grid-sort"
      />
      <label className="filter grid-layout">
        <input
          type="checkbox"
          checked={layout === 'flat'}
          data-testid="grid-flat"
          onChange={(event) =>
            void useEvidence.getState().setLayout(event.target.checked ? 'flat' : 'nested')
          }
        />
        <span>
          <FormattedMessage
            id="evidence.layout.flat"
            defaultMessage="Show files found inside others in the grid"
          />
        </span>
      </label>
      {changed && (
        <button
          type="button"
          className="button button-quiet filters-reset"
          onClick={() => void setFilter({ category: '', kind: '', flag: '', language: '' })}
        >
          <FormattedMessage id="cases.filter.reset" defaultMessage="Reset filters" />
        </button>
      )}
    </div>
  );
}
