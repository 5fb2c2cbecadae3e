import { caseKinds, caseKindLabels } from '../../../shared/domain/case.ts';
import { SelectField, type SelectOption as Option } from '../../components/SelectField.tsx';
import { useCases } from './cases.store.ts';
import { changedFilterCount, type CaseFilters as Filters } from './case-filter.ts';

const priorityOptions: Option<Filters['priority']>[] = [
  ['all', 'Any priority'],
  ['emergency', 'Emergency only'],
  ['routine', 'Not emergency'],
];
const statusOptions: Option<Filters['status']>[] = [
  ['open', 'Open'],
  ['closed', 'Closed'],
  ['all', 'Open and closed'],
];
const updatedOptions: Option<Filters['updated']>[] = [
  ['any', 'Any time'],
  ['day', 'Last 24 hours'],
  ['week', 'Last 7 days'],
  ['month', 'Last 30 days'],
];
const kindOptions: Option<Filters['kind']>[] = [
  ['all', 'All kinds'],
  ...caseKinds.map((k) => [k, caseKindLabels[k]] as const),
];

export function CaseFilters() {
  const filters = useCases((s) => s.filters);
  const { setFilters, resetFilters } = useCases.getState();
  return (
    <div className="filters" role="group" aria-label="Filters">
      <SelectField
        label="Kind"
        value={filters.kind}
        options={kindOptions}
        onChange={(kind) => setFilters({ kind })}
        testId="filter-kind"
      />
      <SelectField
        label="Priority"
        value={filters.priority}
        options={priorityOptions}
        onChange={(priority) => setFilters({ priority })}
        testId="filter-priority"
      />
      <SelectField
        label="Status"
        value={filters.status}
        options={statusOptions}
        onChange={(status) => setFilters({ status })}
        testId="filter-status"
      />
      <SelectField
        label="Updated"
        value={filters.updated}
        options={updatedOptions}
        onChange={(updated) => setFilters({ updated })}
        testId="filter-updated"
      />
      {changedFilterCount(filters) > 0 && (
        <button type="button" className="button button-quiet filters-reset" onClick={resetFilters}>
          Reset filters
        </button>
      )}
    </div>
  );
}
