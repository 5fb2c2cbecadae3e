// The report ledger: every export ever made from this vault (packets, CyberTip drafts, VICS,
// CASE/UCO), whether or not its case still exists; "was this file reported?" by hash; and
// recording the recipient's reference number when it comes back.
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useReports } from './reports.store.ts';
import { describeError } from '../../base/i18n.ts';
import { useRoute } from '../../base/route.store.ts';
import type { ReportKind, ReportRecord } from '../../../shared/domain/ledger.ts';
import './reports.css';

function useKindLabel(): (kind: ReportKind) => string {
  const intl = useIntl();
  const labels: Record<ReportKind, string> = {
    packet: intl.formatMessage({ id: 'reports.kind.packet', defaultMessage: 'Evidence packet' }),
    ncmec: intl.formatMessage({
      id: 'reports.kind.ncmec',
      defaultMessage: 'NCMEC CyberTipline draft',
    }),
    vics: intl.formatMessage({ id: 'reports.kind.vics', defaultMessage: 'Project VIC (VICS)' }),
    'case-uco': intl.formatMessage({ id: 'reports.kind.case-uco', defaultMessage: 'CASE/UCO' }),
  };
  return (kind) => labels[kind];
}

function RecordReference({ report }: { report: ReportRecord }) {
  const intl = useIntl();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    const outcome = await useReports.getState().setReference(report.id, value.trim());
    setError(outcome.ok ? null : describeError(intl, outcome.error));
  };
  return (
    <form className="ledger-reference" onSubmit={(e) => void save(e)}>
      <label>
        <span className="visually-hidden">
          <FormattedMessage id="reports.reference.label" defaultMessage="Reference number" />
        </span>
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={intl.formatMessage({
            id: 'reports.reference.placeholder',
            defaultMessage: 'Reference number',
          })}
          data-testid={`reference-input-${report.id}`}
        />
      </label>
      <button type="submit" className="button" data-testid={`record-reference-${report.id}`}>
        <FormattedMessage id="reports.reference.record" defaultMessage="Record the reference" />
      </button>
      {error && (
        <p role="alert" className="ledger-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Each file the export carried: its item and hashes, and the recipient's own id once recorded. */
function ReportFiles({ report }: { report: ReportRecord }) {
  return (
    <table className="ledger-files" data-testid={`report-files-${report.id}`}>
      <thead>
        <tr>
          <th>
            <FormattedMessage id="reports.files.item" defaultMessage="Item" />
          </th>
          <th>MD5</th>
          <th>SHA-1</th>
          <th>SHA-256</th>
          <th>
            <FormattedMessage id="reports.files.ref" defaultMessage="Recipient’s file id" />
          </th>
        </tr>
      </thead>
      <tbody>
        {report.files.map((f) => (
          <tr key={f.itemId} data-testid={`report-file-${report.id}-${f.itemId}`}>
            {[f.itemId, f.md5, f.sha1, f.sha256].map((v, i) => (
              <td key={i}>
                <code className="hash-value" dir="ltr">
                  {v}
                </code>
              </td>
            ))}
            <td>
              {f.fileRef ? (
                <code className="hash-value" dir="ltr">
                  {f.fileRef}
                </code>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReportRow({ report }: { report: ReportRecord }) {
  const kindLabel = useKindLabel();
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr data-testid={`report-${report.id}`}>
        <td>
          {kindLabel(report.kind)}
          <br />
          <code className="hash-value ledger-id" dir="ltr" data-testid={`report-id-${report.id}`}>
            {report.id}
          </code>
        </td>
        <td>
          <bdi dir="auto">{report.recipient}</bdi>
        </td>
        <td>
          <When iso={report.createdAt} />
        </td>
        <td>
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid={`report-files-toggle-${report.id}`}
          >
            <FormattedMessage
              id="reports.files"
              defaultMessage="{count, plural, one {# file} other {# files}}"
              values={{ count: report.files.length }}
            />
          </button>
        </td>
        <td>
          {report.reference ? (
            <>
              <bdi dir="auto" data-testid={`reference-${report.id}`}>
                {report.reference}
              </bdi>
              {report.referencedAt && (
                <span className="muted ledger-when">
                  {intl.formatMessage(
                    { id: 'reports.reference.at', defaultMessage: 'recorded {when}' },
                    { when: intl.formatDate(report.referencedAt, { dateStyle: 'medium' }) },
                  )}
                </span>
              )}
            </>
          ) : (
            <RecordReference report={report} />
          )}
        </td>
      </tr>
      {open && (
        <tr className="ledger-detail">
          <td colSpan={5}>
            <ReportFiles report={report} />
          </td>
        </tr>
      )}
    </>
  );
}

/** A time on one line: ISO in UTC (what the records and the recipient use), the local time beside. */
function When({ iso }: { iso: string }) {
  const intl = useIntl();
  return (
    <span className="ledger-when-cell">
      <time dateTime={iso} dir="ltr">
        {iso.replace(/\.\d+Z$/, 'Z')}
      </time>{' '}
      <span className="muted">
        {intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' })}
      </span>
    </span>
  );
}

function FindByHash() {
  const intl = useIntl();
  const matches = useReports((s) => s.matches);
  const kindLabel = useKindLabel();
  const [hash, setHash] = useState('');
  const [error, setError] = useState<string | null>(null);
  const find = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await useReports.getState().find(hash.trim());
    setError(outcome.ok ? null : describeError(intl, outcome.error));
  };
  return (
    <section className="ledger-find">
      <h2>
        <FormattedMessage id="reports.find.title" defaultMessage="Was this file reported?" />
      </h2>
      <form onSubmit={(e) => void find(e)}>
        <label>
          <FormattedMessage id="reports.find.label" defaultMessage="MD5, SHA-1 or SHA-256" />
          <input
            value={hash}
            onChange={(e) => setHash(e.target.value)}
            spellCheck={false}
            dir="ltr"
            autoComplete="off"
            data-testid="find-hash"
          />
        </label>
        <button type="submit" className="button" data-testid="find-hash-submit">
          <FormattedMessage id="reports.find.submit" defaultMessage="Find" />
        </button>
      </form>
      {error && (
        <p role="alert" className="ledger-error">
          {error}
        </p>
      )}
      {matches && (
        <p data-testid="find-result" aria-live="polite">
          {matches.length === 0 ? (
            <FormattedMessage id="reports.find.never" defaultMessage="Never reported." />
          ) : (
            matches.map((m) => (
              <span
                key={`${m.report.id}-${m.file.itemId}`}
                className="ledger-match"
                data-testid={`find-match-${m.report.id}`}
              >
                {intl.formatMessage(
                  {
                    id: 'reports.find.match',
                    defaultMessage: '{kind} to {recipient} on {date}, reference {reference}',
                  },
                  {
                    kind: kindLabel(m.report.kind),
                    recipient: m.report.recipient,
                    date: intl.formatDate(m.report.createdAt, { dateStyle: 'medium' }),
                    reference:
                      m.report.reference ??
                      intl.formatMessage({
                        id: 'reports.find.noReference',
                        defaultMessage: 'not yet recorded',
                      }),
                  },
                )}{' '}
                <FormattedMessage
                  id="reports.find.matchIds"
                  defaultMessage="(record {record}, item {item})"
                  values={{
                    record: (
                      <code className="hash-value" dir="ltr">
                        {m.report.id}
                      </code>
                    ),
                    item: (
                      <code className="hash-value" dir="ltr">
                        {m.file.itemId}
                      </code>
                    ),
                  }}
                />
              </span>
            ))
          )}
        </p>
      )}
    </section>
  );
}

export function LedgerScreen() {
  const reports = useReports((s) => s.reports);
  const loaded = useReports((s) => s.loaded);
  const back = useRoute((s) => s.back);
  useEffect(() => {
    void useReports.getState().load();
  }, []);
  return (
    <main className="ledger" data-testid="ledger-screen">
      <header className="ledger-header">
        <button type="button" className="button button-quiet" onClick={back}>
          <FormattedMessage id="reports.back" defaultMessage="Back" />
        </button>
        <h1>
          <FormattedMessage id="reports.title" defaultMessage="Report ledger" />
        </h1>
      </header>
      <FindByHash />
      <section>
        <h2>
          <FormattedMessage id="reports.list.title" defaultMessage="Every export" />
        </h2>
        {loaded && reports.length === 0 ? (
          <p>
            <FormattedMessage
              id="reports.list.empty"
              defaultMessage="Nothing has been exported yet."
            />
          </p>
        ) : (
          <table className="ledger-table">
            <thead>
              <tr>
                <th>
                  <FormattedMessage id="reports.col.kind" defaultMessage="Export" />
                </th>
                <th>
                  <FormattedMessage id="reports.col.recipient" defaultMessage="Recipient" />
                </th>
                <th>
                  <FormattedMessage id="reports.col.when" defaultMessage="When" />
                </th>
                <th>
                  <FormattedMessage id="reports.col.files" defaultMessage="Files" />
                </th>
                <th>
                  <FormattedMessage id="reports.col.reference" defaultMessage="Reference" />
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <ReportRow key={r.id} report={r} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
