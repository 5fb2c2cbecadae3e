// A gentle suggestion, never a block: the reviewer decides. Whatever was unveiled is veiled the
// moment it opens: the prompt must not sit over a colour image.
import { useEffect, useRef } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { formatDuration } from '../../base/i18n.ts';
import { useVault } from '../vault/vault.store.ts';
import { useReveal } from '../reveal/reveal.store.ts';
import { useExposure } from './exposure.store.ts';

export function BreakDialog({
  todaySeconds,
  threshold,
}: {
  todaySeconds: number;
  threshold: number;
}) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const intl = useIntl();
  useEffect(() => {
    void useReveal.getState().veil();
  }, []);
  const dismiss = () => void useExposure.getState().dismissBreak();
  const takeBreak = () => {
    dismiss();
    void useVault.getState().lock();
  };
  return (
    <Dialog
      title={intl.formatMessage({
        id: 'exposure.break.title',
        defaultMessage: 'Time for a short break?',
      })}
      onClose={dismiss}
      initialFocus={keepRef}
      testId="break-dialog"
    >
      <p>
        <FormattedMessage
          id="exposure.break.lead"
          defaultMessage="You have looked at unveiled images for {duration} today. A few minutes away from the screen, ideally moving or outside, helps with this work."
          values={{ duration: formatDuration(intl, todaySeconds) }}
        />
      </p>
      <p className="muted">
        <FormattedMessage
          id="exposure.break.note"
          defaultMessage="Everything you triaged is saved; locking only clears the screen. This reminder comes after every {minutes, plural, one {# minute} other {# minutes}} of unveiled time; change it in Settings."
          values={{ minutes: threshold }}
        />
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={takeBreak}>
          <FormattedMessage id="exposure.break.lock" defaultMessage="Lock and take a break" />
        </button>
        <button ref={keepRef} type="button" className="button button-primary" onClick={dismiss}>
          <FormattedMessage id="exposure.break.keep" defaultMessage="Keep working" />
        </button>
      </div>
    </Dialog>
  );
}
