// Search by file name and the grid's filters. The search waits for a pause in typing, so a
// 10,000-item case is not listed again on every key.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { Kbd } from '../../components/Kbd.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { categoryOptions, useTriage } from '../triage/triage.store.ts';
import { noFilter, useEvidence, type EvidenceFilter } from './evidence.store.ts';

const SEARCH_PAUSE_MS = 250;

function kindOptions(intl: IntlShape): SelectOption<EvidenceFilter['kind']>[] {
  const t = intl.formatMessage;
  return [
    ['', t({ id: 'evidence.filter.allKinds', defaultMessage: 'Images and files' })],
    ['image', t({ id: 'evidence.filter.images', defaultMessage: 'Images' })],
    ['opaque', t({ id: 'evidence.filter.otherFiles', defaultMessage: 'Other files' })],
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
  ];
}

interface FiltersProps {
  searchRef: RefObject<HTMLInputElement | null>;
  onLeaveSearch: () => void;
}

export function EvidenceFilters({ searchRef, onLeaveSearch }: FiltersProps) {
  const filter = useEvidence((s) => s.filter);
  const categories = useTriage((s) => s.categories);
  const [query, setQuery] = useState(filter.search);
  const { setFilter } = useEvidence.getState();
  const intl = useIntl();
  const t = intl.formatMessage;

  useEffect(() => {
    if (query === useEvidence.getState().filter.search) return;
    const timer = setTimeout(() => void setFilter({ search: query }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, setFilter]);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      if (query !== filter.search) void setFilter({ search: query });
      onLeaveSearch();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query !== '') {
        setQuery('');
        void setFilter({ search: '' });
      } else onLeaveSearch();
    }
  };

  const changed = (Object.keys(noFilter) as (keyof EvidenceFilter)[]).some(
    (k) => k !== 'search' && filter[k] !== noFilter[k],
  );

  return (
    <div
      className="evidence-filters"
      role="group"
      aria-label={t({ id: 'evidence.filter.group', defaultMessage: 'Search and filters' })}
    >
      <div className="search evidence-search">
        <label htmlFor="item-search" className="visually-hidden">
          <FormattedMessage id="evidence.search" defaultMessage="Search file names" />
        </label>
        <input
          id="item-search"
          ref={searchRef}
          type="search"
          className="input search-input"
          placeholder={t({ id: 'evidence.search', defaultMessage: 'Search file names' })}
          value={query}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/"
          data-testid="item-search"
          onChange={(event) => setQuery(event.target.value)}
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
      <SelectField
        label={t({ id: 'evidence.filter.found', defaultMessage: 'Found in the evidence' })}
        value={filter.flag}
        options={flagOptions(intl)}
        onChange={(flag) => void setFilter({ flag })}
        testId="filter-flag"
      />
      {changed && (
        <button
          type="button"
          className="button button-quiet filters-reset"
          onClick={() => void setFilter({ category: '', kind: '', flag: '' })}
        >
          <FormattedMessage id="cases.filter.reset" defaultMessage="Reset filters" />
        </button>
      )}
    </div>
  );
}
