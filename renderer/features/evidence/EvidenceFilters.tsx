// Search by file name and the grid's filters. The search waits for a pause in typing, so a
// 10,000-item case is not listed again on every key.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { Kbd } from '../../components/Kbd.tsx';
import { useTriage } from '../triage/triage.store.ts';
import { noFilter, useEvidence, type EvidenceFilter } from './evidence.store.ts';

const SEARCH_PAUSE_MS = 250;

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
    const timer = setTimeout(() => setFilter({ search: query }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, setFilter]);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      if (query !== filter.search) setFilter({ search: query });
      onLeaveSearch();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query !== '') {
        setQuery('');
        setFilter({ search: '' });
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
      <label className="filter">
        <span className="filter-label">Category</span>
        <select
          className="select"
          value={filter.category}
          data-testid="filter-category"
          onChange={(e) => setFilter({ category: e.target.value })}
        >
          <option value="">Any category</option>
          <option value="untriaged">Untriaged</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.position}. {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Type</span>
        <select
          className="select"
          value={filter.kind}
          data-testid="filter-type"
          onChange={(e) => {
            const kind = e.target.value;
            setFilter({ kind: kind === 'image' || kind === 'opaque' ? kind : '' });
          }}
        >
          <option value="">Images and files</option>
          <option value="image">Images</option>
          <option value="opaque">Other files</option>
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Found in the evidence</span>
        <select
          className="select"
          value={filter.flag}
          data-testid="filter-flag"
          onChange={(e) => {
            const flag = e.target.value;
            setFilter({
              flag:
                flag === 'gps' || flag === 'animated' || flag === 'duplicate-acquired' ? flag : '',
            });
          }}
        >
          <option value="">Anything</option>
          <option value="gps">Location (GPS) in the metadata</option>
          <option value="animated">Animated</option>
          <option value="duplicate-acquired">Acquired more than once</option>
          <option value="hash-match" disabled>
            Hash-list match (no hash lists yet)
          </option>
        </select>
      </label>
      {changed && (
        <button
          type="button"
          className="button button-quiet filters-reset"
          onClick={() => setFilter({ category: '', kind: '', flag: '' })}
        >
          Reset filters
        </button>
      )}
    </div>
  );
}
