// Asked before the first unveiling of an item when the reviewer turned it on in Settings.
import { useRef, useState, type FormEvent } from 'react';
import type { RevealStep } from '../../../shared/domain/item.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { stepLabels } from './ladder.ts';

interface ReasonDialogProps {
  step: RevealStep;
  onReason: (reason: string) => Promise<boolean>;
  onCancel: () => void;
}

export function ReasonDialog({ step, onReason, onCancel }: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
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
      title="Why unveil this item?"
      onClose={onCancel}
      initialFocus={inputRef}
      testId="reason-dialog"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="reason-input" className="field-label">
            Reason
          </label>
          <p id="reason-hint" className="field-hint">
            Kept in the item’s custody history, in the entry for this unveiling (not in its notes).
            The item opens at the {stepLabels[step].toLowerCase()} step.
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
          {empty && <p className="field-error">Say briefly why, or cancel.</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Stay veiled
          </button>
          <button type="submit" className="button button-primary" data-testid="reason-confirm">
            {busy ? 'Unveiling…' : 'Unveil'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
