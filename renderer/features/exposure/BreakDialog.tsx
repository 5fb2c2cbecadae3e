// A gentle suggestion, never a block: the reviewer decides.
import { useRef } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDuration, plural } from '../../base/i18n.ts';
import { useVault } from '../vault/vault.store.ts';
import { useExposure } from './exposure.store.ts';

export function BreakDialog({
  todaySeconds,
  threshold,
}: {
  todaySeconds: number;
  threshold: number;
}) {
  const keepRef = useRef<HTMLButtonElement>(null);
  const dismiss = () => useExposure.getState().dismissBreak(threshold);
  const takeBreak = () => {
    dismiss();
    void useVault.getState().lock();
  };
  return (
    <Dialog
      title="Time for a short break?"
      onClose={dismiss}
      initialFocus={keepRef}
      testId="break-dialog"
    >
      <p>
        You have looked at unveiled images for {formatDuration(todaySeconds)} today. A few minutes
        away from the screen, ideally moving or outside, helps with this work.
      </p>
      <p className="muted">
        Everything you triaged is saved; locking only clears the screen. This reminder comes after
        every {plural(threshold, 'minute', 'minutes')} of unveiled time; change it in Settings.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={takeBreak}>
          Lock and take a break
        </button>
        <button ref={keepRef} type="button" className="button button-primary" onClick={dismiss}>
          Keep working
        </button>
      </div>
    </Dialog>
  );
}
