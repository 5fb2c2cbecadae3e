// Search by file name and the grid's filters. The search waits for a pause in typing, so a
// 10,000-item case is not listed again on every key.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { Kbd } from '../../components/Kbd.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { categoryOptions, useTriage } from '../triage/triage.store.ts';
import { noFilter, useEvidence, type EvidenceFilter } from './evidence.store.ts';

const SEARCH_PAUSE_MS = 250;

const kindOptions: SelectOption<EvidenceFilter['kind']>[] = [
  ['', 'Images and files'],
  ['image', 'Images'],
  ['opaque', 'Other files'],
];
const flagOptions: SelectOption<EvidenceFilter['flag']>[] = [
  ['', 'Anything'],
  ['gps', 'Location (GPS) in the metadata'],
  ['animated', 'Animated'],
  ['duplicate-acquired', 'Acquired more than once'],
];

interface FiltersProps {
  searchRef: RefObject<HTMLInputElement | null>;
  onLeaveSearch: () => void;
}

export function EvidenceFilters({ searchRef, onLeaveSearch }: FiltersProps) {
  const filter = useEvidence((s) => s.filter);
  const categories = useTriage((s) => s.categories);
  const [query, setQuery] = useState(filter.search);
  const { setFilter } = useEvidence.getState();

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
    <div className="evidence-filters" role="group" aria-label="Search and filters">
      <div className="search evidence-search">
        <label htmlFor="item-search" className="visually-hidden">
          Search file names
        </label>
        <input
          id="item-search"
          ref={searchRef}
          type="search"
          className="input search-input"
          placeholder="Search file names"
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
        label="Category"
        value={filter.category}
        options={[['', 'Any category'], ['untriaged', 'Untriaged'], ...categoryOptions(categories)]}
        onChange={(category) => void setFilter({ category })}
        testId="filter-category"
      />
      <SelectField
        label="Type"
        value={filter.kind}
        options={kindOptions}
        onChange={(kind) => void setFilter({ kind })}
        testId="filter-type"
      />
      <SelectField
        label="Found in the evidence"
        value={filter.flag}
        options={flagOptions}
        onChange={(flag) => void setFilter({ flag })}
        testId="filter-flag"
      >
        <option value="hash-match" disabled>
          Hash-list match (no hash lists yet)
        </option>
      </SelectField>
      {changed && (
        <button
          type="button"
          className="button button-quiet filters-reset"
          onClick={() => void setFilter({ category: '', kind: '', flag: '' })}
        >
          Reset filters
        </button>
      )}
    </div>
  );
}
