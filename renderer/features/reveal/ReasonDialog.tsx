// Asked before the first unveiling of an item when the reviewer turned it on in Settings, and
// before a video or audio recording plays ('play').
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { RevealStep } from '../../../shared/domain/item.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { stepWords } from './ladder.ts';

interface ReasonDialogProps {
  step: RevealStep | 'play';
  onReason: (reason: string) => Promise<boolean>;
  onCancel: () => void;
}

export function ReasonDialog({ step, onReason, onCancel }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const t = useIntl().formatMessage;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) return setEmpty(true);
    setBusy(true);
    const done = await onReason(reason.trim());
    setBusy(false);
    if (!done) inputRef.current?.focus();
  };
  return (
    <Dialog
      title={
        step === 'play'
          ? t({ id: 'reveal.reason.playTitle', defaultMessage: 'Why play this recording?' })
          : t({ id: 'reveal.reason.title', defaultMessage: 'Why unveil this item?' })
      }
      onClose={onCancel}
      initialFocus={inputRef}
      testId="reason-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="reason-input" className="field-label">
            <FormattedMessage id="reveal.reason.label" defaultMessage="Reason" />
          </label>
          <p id="reason-hint" className="field-hint">
            {step === 'play' ? (
              <FormattedMessage
                id="reveal.reason.playHint"
                defaultMessage="Kept in the item’s custody history, in the entry for this play session (not in its notes). It plays muted, in greyscale and blurred."
              />
            ) : (
              <FormattedMessage
                id="reveal.reason.hint"
                defaultMessage="Kept in the item’s custody history, in the entry for this unveiling (not in its notes). The item opens at the {step} step."
                values={{ step: t(stepWords[step]) }}
              />
            )}
          </p>
          <input
            id="reason-input"
            ref={inputRef}
            className="input"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setEmpty(false);
            }}
            dir="auto"
            autoComplete="off"
            aria-describedby="reason-hint"
            aria-invalid={empty || undefined}
            maxLength={2000}
            data-testid="reason-input"
          />
          {empty && (
            <p className="field-error">
              <FormattedMessage
                id="reveal.reason.empty"
                defaultMessage="Say briefly why, or cancel."
              />
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            <FormattedMessage id="reveal.reason.cancel" defaultMessage="Stay veiled" />
          </button>
          <button type="submit" className="button button-primary" data-testid="reason-confirm">
            {busy
              ? t({ id: 'reveal.reason.busy', defaultMessage: 'Unveiling…' })
              : t({ id: 'reveal.reason.confirm', defaultMessage: 'Unveil' })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
