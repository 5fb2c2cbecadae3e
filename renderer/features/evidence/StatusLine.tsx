// One quiet line under the grid that says what the last triage key did, or what it waits for.
import { FormattedMessage } from 'react-intl';
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
          <FormattedMessage
            id="status.severityMode"
            defaultMessage="Severity: {one} to {five}, {zero} clears, {escape} cancels."
            values={{
              one: <Kbd spec="1" />,
              five: <Kbd spec="5" />,
              zero: <Kbd spec="0" />,
              escape: <Kbd spec="Escape" />,
            }}
          />
        </p>
      )}
      {!pending && !notice && !error && (
        <p className="status-hint">
          <FormattedMessage
            id="status.help"
            defaultMessage="Press {key} for every key."
            values={{ key: <Kbd spec="?" /> }}
          />
        </p>
      )}
    </div>
  );
}
