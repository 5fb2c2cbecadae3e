// The end of a form or dialog: what went wrong (read out at once), then the way out and the
// form's own action, in that order.
import type { ReactNode } from 'react';
import { Notice } from './Notice.tsx';

interface FormFooterProps {
  error: string | null;
  onCancel: () => void;
  /** The way out's words (and its key, if it has one). */
  cancel: ReactNode;
  /** The form's action: its submit button. */
  children: ReactNode;
  variant?: 'form' | 'dialog';
}

export function FormFooter({
  error,
  onCancel,
  cancel,
  children,
  variant = 'dialog',
}: FormFooterProps) {
  return (
    <>
      {error && (
        <Notice tone="warning" role="alert">
          {error}
        </Notice>
      )}
      <div className={variant === 'dialog' ? 'dialog-actions' : 'form-actions'}>
        <button type="button" className="button" onClick={onCancel}>
          {cancel}
        </button>
        {children}
      </div>
    </>
  );
}
