// A modal dialog on the native <dialog>: the page behind is inert, Escape closes, Tab stays inside,
// and focus goes back where it was. Render it only while open; mounting opens it.
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { focusables, trapTab } from './focus.ts';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** What gets focus first; otherwise the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  testId?: string;
  tone?: 'plain' | 'danger';
  wide?: boolean;
}

export function Dialog({
  title,
  onClose,
  children,
  initialFocus,
  testId,
  tone = 'plain',
  wide = false,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // A dialog opens at its top with its title in view, even when what takes the focus (a long
    // list's Close button) sits at the bottom.
    (initialFocus?.current ?? focusables(dialog)[0] ?? dialog).focus({ preventScroll: true });
    dialog.scrollTop = 0;
    return () => {
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [initialFocus]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${tone}${wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (ref.current) trapTab(event, ref.current);
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
