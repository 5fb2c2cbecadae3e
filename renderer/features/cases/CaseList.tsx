// The case list: search, filters, and keyboard movement (j/k or arrows, Enter, n, /).
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCases } from './cases.store.ts';
import { defaultFilters, visibleCases } from './case-filter.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseRow } from './CaseRow.tsx';
import { useRoute, type Route } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { useNow } from '../../base/use-now.ts';
import { describeError } from '../../base/i18n.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { Notice } from '../../components/Notice.tsx';

export function CaseList() {
  const cases = useCases((s) => s.cases);
  const loaded = useCases((s) => s.loaded);
  const loadError = useCases((s) => s.loadError);
  const filters = useCases((s) => s.filters);
  const selectedId = useCases((s) => s.selectedId);
  const notice = useCases((s) => s.notice);
  const now = useNow();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const visible = useMemo(() => visibleCases(cases, filters, now), [cases, filters, now]);
  const selectedIndex = Math.max(
    0,
    visible.findIndex((c) => c.id === selectedId),
  );
  const { go } = useRoute.getState();
  const intl = useIntl();
  const t = intl.formatMessage;
  const { select, setFilters, setNotice } = useCases.getState();

  useEffect(() => {
    void useCases.getState().load();
  }, []);

  // Coming back from a case, the keyboard is where it was: on that case's row.
  useEffect(() => {
    const id = useCases.getState().selectedId;
    if (id) listRef.current?.querySelector<HTMLElement>(`[data-case-id="${id}"]`)?.focus();
  }, [loaded]);

  const focusRow = (index: number) => {
    const target = visible[Math.min(Math.max(index, 0), visible.length - 1)];
    if (!target) return;
    select(target.id);
    listRef.current?.querySelector<HTMLElement>(`[data-case-id="${target.id}"]`)?.focus();
  };
  const leaveTo = (route: Route) => {
    setNotice(null);
    go(route);
  };
  const open = (id: string) => {
    select(id);
    leaveTo({ name: 'case', id });
  };

  const inList = () => listRef.current?.contains(document.activeElement) ?? false;
  useShortcut('next', () => focusRow(inList() ? selectedIndex + 1 : selectedIndex));
  useShortcut('previous', () => focusRow(inList() ? selectedIndex - 1 : selectedIndex));
  useShortcut('open', () => {
    const target = visible[selectedIndex];
    if (target) open(target.id);
  });
  useShortcut('newCase', () => leaveTo({ name: 'new-case' }));
  useShortcut('search', () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  });

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(selectedIndex);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const target = visible[selectedIndex];
      if (target) open(target.id);
    } else if (event.key === 'Escape') {
      // The first Escape clears the search; the next leaves it for the list.
      event.preventDefault();
      if (filters.query !== '') setFilters({ query: '' });
      else if (visible.length > 0) focusRow(selectedIndex);
      else event.currentTarget.blur();
    }
  };

  const hidden = cases.length - visible.length;
  // With nothing to search, the search and filters are only noise.
  const hasCases = cases.length > 0 || !loaded;
  return (
    <section className="page" aria-labelledby="cases-title">
      <header className="page-header">
        <h1 id="cases-title" className="page-title">
          <FormattedMessage id="cases.title" defaultMessage="Cases" />
        </h1>
        <button
          type="button"
          className="button button-primary"
          data-testid="new-case"
          aria-keyshortcuts="n"
          onClick={() => leaveTo({ name: 'new-case' })}
        >
          <FormattedMessage id="cases.new" defaultMessage="New case" /> <Kbd spec="n" />
        </button>
      </header>
      {notice && (
        <Notice tone="info" testId="list-notice">
          {notice}{' '}
          <button type="button" className="button-link" onClick={() => setNotice(null)}>
            <FormattedMessage id="common.dismiss" defaultMessage="Dismiss" />
          </button>
        </Notice>
      )}
      {hasCases && (
        <>
          <div className="search">
            <label htmlFor="case-search" className="visually-hidden">
              <FormattedMessage id="cases.search.label" defaultMessage="Search cases" />
            </label>
            <input
              id="case-search"
              ref={searchRef}
              type="search"
              className="input search-input"
              placeholder={t({
                id: 'cases.search.placeholder',
                defaultMessage: 'Search titles, references and notes',
              })}
              value={filters.query}
              dir="auto"
              autoComplete="off"
              spellCheck={false}
              aria-keyshortcuts="/"
              data-testid="case-search"
              onChange={(event) => setFilters({ query: event.target.value })}
              onKeyDown={onSearchKeyDown}
            />
            <span className="search-key" aria-hidden="true">
              <Kbd spec="/" />
            </span>
          </div>
          <CaseFilters />
        </>
      )}
      {loadError && (
        <Notice tone="warning" role="alert">
          {describeError(intl, loadError)}
        </Notice>
      )}
      {visible.length > 0 && (
        <ul
          className="case-list"
          aria-label={t({ id: 'cases.title', defaultMessage: 'Cases' })}
          ref={listRef}
          data-testid="case-list"
        >
          {visible.map((c, index) => (
            <CaseRow
              key={c.id}
              c={c}
              now={now}
              selected={index === selectedIndex}
              onOpen={() => open(c.id)}
              onFocus={() => select(c.id)}
            />
          ))}
        </ul>
      )}
      {loaded && cases.length === 0 && (
        <div className="empty" data-testid="no-cases">
          <p>
            <FormattedMessage id="cases.empty" defaultMessage="No cases yet." />
          </p>
          <p className="muted">
            <FormattedMessage
              id="cases.empty.hint"
              defaultMessage="Press {key} to open one."
              values={{ key: <Kbd spec="n" /> }}
            />
          </p>
        </div>
      )}
      {loaded && cases.length > 0 && visible.length === 0 && (
        <div className="empty">
          <p>
            <FormattedMessage
              id="cases.noMatch"
              defaultMessage="No case matches the search and filters."
            />
          </p>
        </div>
      )}
      {loaded && hidden > 0 && (
        <p className="muted list-footer" data-testid="hidden-count">
          <FormattedMessage
            id="cases.hidden"
            defaultMessage="{count, plural, one {# case is} other {# cases are}} hidden by the search or filters."
            values={{ count: hidden }}
          />{' '}
          <button
            type="button"
            className="button-link"
            data-testid="show-all"
            onClick={() => setFilters({ ...defaultFilters, query: '', status: 'all' })}
          >
            <FormattedMessage id="cases.showAll" defaultMessage="Show all cases" />
          </button>
        </p>
      )}
    </section>
  );
}
