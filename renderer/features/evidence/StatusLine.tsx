// One quiet line under the grid that says what the last triage key did, or what it waits for.
import { Kbd } from '../../components/Kbd.tsx';
import { useTriage } from '../triage/triage.store.ts';

export function StatusLine() {
  const notice = useTriage((s) => s.notice);
  const error = useTriage((s) => s.error);
  const pending = useTriage((s) => s.severityPending);
  return (
    <div className="status-line" data-testid="status-line">
      <p role="status" className={error ? 'status-error' : undefined}>
        {error ?? notice ?? ''}
      </p>
      {pending && (
        <p className="status-hint" data-testid="severity-hint">
          Severity: <Kbd spec="1" /> to <Kbd spec="5" />, <Kbd spec="0" /> clears,{' '}
          <Kbd spec="Escape" /> cancels.
        </p>
      )}
      {!pending && !notice && !error && (
        <p className="status-hint">
          Press <Kbd spec="?" /> for every key.
        </p>
      )}
    </div>
  );
}
