// Ingest progress for this case: one calm bar (files done of files found, the file in hand) with
// Cancel, then a short summary and every failure by path and reason, until dismissed.
import { plural } from '../../base/i18n.ts';
import { caseIngest, useIngest } from './ingest.store.ts';
import { FileName } from '../../components/FileName.tsx';

export function IngestPanel({ caseId }: { caseId: string }) {
  const runs = useIngest((s) => s.runs);
  const state = caseIngest(runs, caseId);
  if (!state.any) return null;
  const { done, total, failures } = state;

  return (
    <section className="ingest" aria-labelledby="ingest-title" data-testid="ingest-panel">
      <h3 id="ingest-title" className="ingest-title">
        {state.running ? 'Adding evidence' : state.cancelled ? 'Adding stopped' : 'Evidence added'}
      </h3>
      {state.running ? (
        <div className="ingest-progress">
          <progress
            className="progress"
            max={Math.max(total, 1)}
            value={done}
            aria-label="Files done"
            data-testid="ingest-progress"
          />
          <p className="ingest-line" role="status">
            {done.toLocaleString()} of {plural(total, 'file', 'files')}
            {state.current !== null && (
              <>
                {' · '}
                <bdi dir="auto" className="ingest-current">
                  {state.current}
                </bdi>
              </>
            )}
          </p>
          <button
            type="button"
            className="button"
            data-testid="ingest-cancel"
            onClick={() => state.ingestIds.forEach((id) => void useIngest.getState().cancel(id))}
          >
            Cancel
          </button>
        </div>
      ) : (
        <p role="status" data-testid="ingest-summary">
          {plural(state.ingested, 'item', 'items')} added
          {state.duplicates > 0 &&
            `, ${plural(state.duplicates, 'file was', 'files were')} already in the case`}
          {failures.length > 0 &&
            `, ${plural(failures.length, 'file', 'files')} could not be added`}
          .
        </p>
      )}
      {failures.length > 0 && (
        <div className="ingest-failures">
          <p className="muted">
            Each file below failed alone; everything else came in. The originals are untouched.
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
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
