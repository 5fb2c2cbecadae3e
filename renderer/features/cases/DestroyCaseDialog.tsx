// Destroying is the one action nobody can undo, so it asks for the title to be typed. The typed
// text is compared the way search compares (so an Arabic or Persian keyboard's letter forms match).
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Case } from '../../../shared/domain/case.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

const comparable = (text: string) => foldForSearch(text).replace(/\s+/g, ' ').trim();

interface DestroyCaseDialogProps {
  c: Case;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  error: string | null;
}

export function DestroyCaseDialog({ c, onCancel, onConfirm, busy, error }: DestroyCaseDialogProps) {
  const [typed, setTyped] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = comparable(typed) === comparable(c.title);
  const t = useIntl().formatMessage;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches && !busy) onConfirm();
  };
  return (
    <Dialog
      title={t({ id: 'cases.destroy.title', defaultMessage: 'Destroy this case?' })}
      onClose={onCancel}
      initialFocus={inputRef}
      testId="destroy-dialog"
      tone="danger"
    >
      <form onSubmit={submit} className="form">
        <p>
          <FormattedMessage
            id="cases.destroy.lead"
            defaultMessage="Destroying deletes the case’s encryption key. Its evidence, previews, notes and references become unreadable, by anyone, for good. Custody keeps only a record that the case was destroyed, and when."
          />
        </p>
        <p>
          <strong>
            <FormattedMessage id="cases.destroy.final" defaultMessage="This cannot be undone." />
          </strong>
        </p>
        <div className="field">
          <label htmlFor="destroy-confirm-input" className="field-label">
            <FormattedMessage
              id="cases.destroy.typeTitle"
              defaultMessage="To confirm, type the case title"
            />
          </label>
          <p className="confirm-phrase" dir="auto">
            {c.title}
          </p>
          <input
            id="destroy-confirm-input"
            ref={inputRef}
            className="input"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            data-testid="destroy-confirm-input"
          />
        </div>
        <FormFooter
          error={error}
          onCancel={onCancel}
          cancel={t({ id: 'cases.destroy.keep', defaultMessage: 'Keep the case' })}
        >
          <button
            type="submit"
            className="button button-danger"
            disabled={!matches || busy}
            data-testid="destroy-confirm"
          >
            {busy
              ? t({ id: 'cases.destroy.busy', defaultMessage: 'Destroying…' })
              : t({ id: 'cases.destroy.confirm', defaultMessage: 'Destroy case' })}
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}
