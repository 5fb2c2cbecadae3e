// Ingest progress for this case: one calm bar (files done of files found, the file in hand) with
// Cancel, then a short summary and every failure by path and reason, until dismissed.
import { FormattedMessage, useIntl } from 'react-intl';
import { caseIngest, useIngest } from './ingest.store.ts';
import { FileName } from '../../components/FileName.tsx';

export function IngestPanel({ caseId }: { caseId: string }) {
  const runs = useIngest((s) => s.runs);
  const t = useIntl().formatMessage;
  const state = caseIngest(runs, caseId);
  if (!state.any) return null;
  const { done, total, failures } = state;

  return (
    <section className="ingest" aria-labelledby="ingest-title" data-testid="ingest-panel">
      <h3 id="ingest-title" className="ingest-title">
        {state.running
          ? t({ id: 'ingest.title.running', defaultMessage: 'Adding evidence' })
          : state.cancelled
            ? t({ id: 'ingest.title.stopped', defaultMessage: 'Adding stopped' })
            : t({ id: 'ingest.title.done', defaultMessage: 'Evidence added' })}
      </h3>
      {state.running ? (
        <div className="ingest-progress">
          <progress
            className="progress"
            max={Math.max(total, 1)}
            value={done}
            aria-label={t({ id: 'ingest.progress', defaultMessage: 'Files done' })}
            data-testid="ingest-progress"
          />
          <p className="ingest-line" role="status">
            {state.current !== null ? (
              <FormattedMessage
                id="ingest.line.current"
                defaultMessage="{done, number} of {total, plural, one {# file} other {# files}} · {file}"
                values={{
                  done,
                  total,
                  file: (
                    <bdi dir="auto" className="ingest-current">
                      {state.current}
                    </bdi>
                  ),
                }}
              />
            ) : (
              <FormattedMessage
                id="ingest.line"
                defaultMessage="{done, number} of {total, plural, one {# file} other {# files}}"
                values={{ done, total }}
              />
            )}
          </p>
          <button
            type="button"
            className="button"
            data-testid="ingest-cancel"
            onClick={() => state.ingestIds.forEach((id) => void useIngest.getState().cancel(id))}
          >
            <FormattedMessage id="common.cancel" defaultMessage="Cancel" />
          </button>
        </div>
      ) : (
        <p role="status" data-testid="ingest-summary">
          <FormattedMessage
            id="ingest.summary"
            defaultMessage="{items, plural, one {# item} other {# items}} added{duplicates, plural, =0 {} one {, # file was already in the case} other {, # files were already in the case}}{failed, plural, =0 {} one {, # file could not be added} other {, # files could not be added}}."
            values={{
              items: state.ingested,
              duplicates: state.duplicates,
              failed: failures.length,
            }}
          />
        </p>
      )}
      {failures.length > 0 && (
        <div className="ingest-failures">
          <p className="muted">
            <FormattedMessage
              id="ingest.failures.lead"
              defaultMessage="Each file below failed alone; everything else came in. The originals are untouched."
            />
          </p>
          <ul data-testid="ingest-failures">
            {failures.map((f, i) => (
              <li key={`${f.path}-${i}`} data-testid="ingest-failure">
                <span className="ingest-failure-path">
                  <FileName name={f.path} />
                </span>
                <span className="ingest-failure-reason">{f.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!state.running && (
        <div className="ingest-actions">
          <button
            type="button"
            className="button button-quiet"
            data-testid="ingest-dismiss"
            onClick={() => useIngest.getState().dismiss(caseId)}
          >
            <FormattedMessage id="common.dismiss" defaultMessage="Dismiss" />
          </button>
        </div>
      )}
    </section>
  );
}
