import { useIntl, type IntlShape } from 'react-intl';
import { caseKinds } from '../../../shared/domain/case.ts';
import { caseKindLabel } from '../../base/domain-labels.ts';
import { SelectField, type SelectOption as Option } from '../../components/SelectField.tsx';
import { useCases } from './cases.store.ts';
import { changedFilterCount, type CaseFilters as Filters } from './case-filter.ts';

function options(intl: IntlShape) {
  const t = intl.formatMessage;
  const priority: Option<Filters['priority']>[] = [
    ['all', t({ id: 'cases.filter.anyPriority', defaultMessage: 'Any priority' })],
    ['emergency', t({ id: 'cases.filter.emergencyOnly', defaultMessage: 'Emergency only' })],
    ['routine', t({ id: 'cases.filter.notEmergency', defaultMessage: 'Not emergency' })],
  ];
  const status: Option<Filters['status']>[] = [
    ['open', t({ id: 'cases.filter.open', defaultMessage: 'Open' })],
    ['closed', t({ id: 'cases.filter.closed', defaultMessage: 'Closed' })],
    ['all', t({ id: 'cases.filter.openAndClosed', defaultMessage: 'Open and closed' })],
  ];
  const updated: Option<Filters['updated']>[] = [
    ['any', t({ id: 'cases.filter.anyTime', defaultMessage: 'Any time' })],
    ['day', t({ id: 'cases.filter.day', defaultMessage: 'Last 24 hours' })],
    ['week', t({ id: 'cases.filter.week', defaultMessage: 'Last 7 days' })],
    ['month', t({ id: 'cases.filter.month', defaultMessage: 'Last 30 days' })],
  ];
  const kind: Option<Filters['kind']>[] = [
    ['all', t({ id: 'cases.filter.allKinds', defaultMessage: 'All kinds' })],
    ...caseKinds.map((k) => [k, caseKindLabel(intl, k)] as const),
  ];
  return { priority, status, updated, kind };
}

export function CaseFilters() {
  const filters = useCases((s) => s.filters);
  const { setFilters, resetFilters } = useCases.getState();
  const intl = useIntl();
  const t = intl.formatMessage;
  const o = options(intl);
  return (
    <div
      className="filters"
      role="group"
      aria-label={t({ id: 'cases.filter.group', defaultMessage: 'Filters' })}
    >
      <SelectField
        label={t({ id: 'cases.filter.kind', defaultMessage: 'Kind' })}
        value={filters.kind}
        options={o.kind}
        onChange={(kind) => setFilters({ kind })}
        testId="filter-kind"
      />
      <SelectField
        label={t({ id: 'cases.filter.priority', defaultMessage: 'Priority' })}
        value={filters.priority}
        options={o.priority}
        onChange={(priority) => setFilters({ priority })}
        testId="filter-priority"
      />
      <SelectField
        label={t({ id: 'cases.filter.status', defaultMessage: 'Status' })}
        value={filters.status}
        options={o.status}
        onChange={(status) => setFilters({ status })}
        testId="filter-status"
      />
      <SelectField
        label={t({ id: 'cases.filter.updated', defaultMessage: 'Updated' })}
        value={filters.updated}
        options={o.updated}
        onChange={(updated) => setFilters({ updated })}
        testId="filter-updated"
      />
      {changedFilterCount(filters) > 0 && (
        <button type="button" className="button button-quiet filters-reset" onClick={resetFilters}>
          {t({ id: 'cases.filter.reset', defaultMessage: 'Reset filters' })}
        </button>
      )}
    </div>
  );
}
