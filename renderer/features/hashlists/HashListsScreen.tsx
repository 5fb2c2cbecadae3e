// The hash-lists screen: import a list (main's file dialog), its line-numbered report, and each
// list with its version, counts, hashes not computable here, and enable / remove.
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Check } from '../../components/Check.tsx';
import { useRoute } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { Notice } from '../../components/Notice.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { useHashLists } from './hashlists.store.ts';
import {
  hashListFormats,
  type HashList,
  type HashListFormat,
} from '../../../shared/domain/hashlist.ts';
import './hashlists.css';

/** Lines of a report shown at once; the rest are counted. */
const REPORT_LINES = 200;

function ImportReport() {
  const report = useHashLists((s) => s.report);
  const importing = useHashLists((s) => s.importing);
  const linesRead = useHashLists((s) => s.linesRead);
  if (importing)
    return (
      <Notice testId="hashlist-importing">
        <FormattedMessage
          id="hashlists.importing"
          defaultMessage="Importing the list… {lines, plural, =0 {} one {# line read} other {# lines read}}"
          values={{ lines: linesRead }}
        />
      </Notice>
    );
  if (!report) return null;
  if (!report.ok)
    return (
      <Notice tone="danger" role="alert" testId="hashlist-refused">
        {report.error.message}
      </Notice>
    );
  const r = report.value;
  return (
    <section className="hashlist-report" data-testid="hashlist-report" aria-live="polite">
      <p>
        <FormattedMessage
          id="hashlists.report"
          defaultMessage="{name} version {version}: {added, plural, one {# entry} other {# entries}}, {removed} removed, {skipped, plural, =0 {no line skipped} one {# line skipped} other {# lines skipped}}, {matched, plural, one {# new match} other {# new matches}}."
          values={{
            name: <bdi>{r.list.name}</bdi>,
            version: r.list.version,
            added: r.added,
            removed: r.removed,
            skipped: r.skipped.length,
            matched: r.matched,
          }}
        />
      </p>
      {r.skipped.length > 0 && (
        <ul className="hashlist-skipped" data-testid="hashlist-skipped">
          {r.skipped.slice(0, REPORT_LINES).map((p) => (
            <li key={`${p.line}-${p.reason}`}>
              <FormattedMessage
                id="hashlists.skippedLine"
                defaultMessage="Line {line}: {reason}"
                values={{ line: p.line, reason: <bdi>{p.reason}</bdi> }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ListRow({ list }: { list: HashList }) {
  const intl = useIntl();
  const { setEnabled, remove } = useHashLists.getState();
  return (
    <tr data-testid="hashlist-row">
      <td>
        <bdi>{list.name}</bdi>
        {list.knownIllegal && (
          <span className="badge badge-known-illegal">
            <FormattedMessage id="hashlists.knownIllegal" defaultMessage="Known illegal" />
          </span>
        )}
        {list.negative && (
          <span className="badge">
            <FormattedMessage id="hashlists.negative" defaultMessage="Known false positives" />
          </span>
        )}
      </td>
      <td>
        <FormattedMessage
          id="hashlists.version"
          defaultMessage="v{version}, {format}"
          values={{ version: list.version, format: list.format }}
        />
      </td>
      <td>
        {Object.entries(list.counts).map(([type, n]) => (
          <div key={type}>
            {list.notComputable.includes(type) ? (
              <FormattedMessage
                id="hashlists.countNotComputable"
                defaultMessage="{type}: {count, number} (in the list, not computable here)"
                values={{ type, count: n }}
              />
            ) : (
              <FormattedMessage
                id="hashlists.count"
                defaultMessage="{type}: {count, number}"
                values={{ type, count: n }}
              />
            )}
          </div>
        ))}
      </td>
      <td>
        <label className="check">
          <input
            type="checkbox"
            checked={list.enabled}
            onChange={(e) => void setEnabled(list.id, e.target.checked)}
            aria-label={intl.formatMessage(
              { id: 'hashlists.enabledFor', defaultMessage: 'Use {name}' },
              { name: list.name },
            )}
          />
        </label>
      </td>
      <td>
        <button type="button" className="button button-quiet" onClick={() => void remove(list.id)}>
          <FormattedMessage id="hashlists.remove" defaultMessage="Remove" />
        </button>
      </td>
    </tr>
  );
}

export function HashListsScreen() {
  const intl = useIntl();
  const lists = useHashLists((s) => s.lists);
  const importing = useHashLists((s) => s.importing);
  const [name, setName] = useState('');
  const [knownIllegal, setKnownIllegal] = useState(false);
  const [negative, setNegative] = useState(false);
  // Bare 64-digit hex may be SHA-256 or PDQ: only the reviewer can say which.
  const [format, setFormat] = useState<HashListFormat | 'auto'>('auto');
  const formatOptions: SelectOption<HashListFormat | 'auto'>[] = [
    [
      'auto',
      intl.formatMessage({
        id: 'hashlists.format.auto',
        defaultMessage: 'Recognise from the file',
      }),
    ],
    ...hashListFormats.map((f): SelectOption<HashListFormat> => [f, f]),
  ];
  const { back } = useRoute.getState();
  useShortcut('back', back);

  useEffect(() => {
    void useHashLists.getState().load();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    void useHashLists
      .getState()
      .pickAndImport({ name: name.trim(), format, knownIllegal, negative });
  };

  return (
    <section
      className="page hashlists-screen"
      aria-labelledby="hashlists-title"
      data-testid="hashlists-screen"
    >
      <button
        type="button"
        className="button-link back-link"
        onClick={back}
        data-testid="hashlists-back"
      >
        <FormattedMessage id="common.backArrow" defaultMessage="← Back" />
      </button>
      <h1 id="hashlists-title">
        <FormattedMessage id="hashlists.title" defaultMessage="Hash lists" />
      </h1>
      <form className="hashlist-import" onSubmit={submit}>
        <div className="field">
          <label htmlFor="hashlist-name" className="field-label">
            <FormattedMessage id="hashlists.name" defaultMessage="List name" />
          </label>
          <input
            id="hashlist-name"
            className="input"
            value={name}
            dir="auto"
            onChange={(e) => setName(e.target.value)}
            data-testid="hashlist-name"
          />
        </div>
        <SelectField
          label={intl.formatMessage({ id: 'hashlists.format', defaultMessage: 'Format' })}
          value={format}
          options={formatOptions}
          onChange={setFormat}
          testId="hashlist-format"
        />
        <Check
          label={intl.formatMessage({
            id: 'hashlists.knownIllegalLabel',
            defaultMessage: 'Known illegal',
          })}
          hint={intl.formatMessage({
            id: 'hashlists.knownIllegalHint',
            defaultMessage:
              'Items an exact hash of this list matches stay veiled unless you override.',
          })}
          checked={knownIllegal}
          onChange={setKnownIllegal}
          testId="hashlist-known-illegal"
        />
        <Check
          label={intl.formatMessage({
            id: 'hashlists.negativeLabel',
            defaultMessage: 'Known false positives',
          })}
          hint={intl.formatMessage({
            id: 'hashlists.negativeHint',
            defaultMessage: "Its hashes hide other lists' matches of the same items.",
          })}
          checked={negative}
          onChange={setNegative}
          testId="hashlist-negative"
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={importing || !name.trim()}
          data-testid="hashlist-import"
        >
          <FormattedMessage id="hashlists.import" defaultMessage="Choose a list file and import" />
        </button>
      </form>
      <ImportReport />
      {lists.length === 0 ? (
        <p>
          <FormattedMessage id="hashlists.none" defaultMessage="No hash lists yet." />
        </p>
      ) : (
        <table className="hashlist-table">
          <thead>
            <tr>
              <th>
                <FormattedMessage id="hashlists.col.name" defaultMessage="List" />
              </th>
              <th>
                <FormattedMessage id="hashlists.col.version" defaultMessage="Version" />
              </th>
              <th>
                <FormattedMessage id="hashlists.col.counts" defaultMessage="Hashes" />
              </th>
              <th>
                <FormattedMessage id="hashlists.col.enabled" defaultMessage="In use" />
              </th>
              <th>
                <span className="visually-hidden">
                  <FormattedMessage id="hashlists.col.actions" defaultMessage="Actions" />
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <ListRow key={l.id} list={l} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
