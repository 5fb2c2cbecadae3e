// The top bar's "More" button: a menu of the screens that do not fit as buttons. Menu-button
// pattern: Enter, Space or ArrowDown opens it on the first entry (ArrowUp on the last), the arrows,
// Home and End move, Escape closes it and gives the focus back to the button, Tab or a click
// outside closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { FormattedMessage } from 'react-intl';

export interface MoreMenuEntry {
  key: string;
  label: string;
  testId: string;
  current: boolean;
  onSelect: () => void;
}

export function MoreMenu({ entries }: { entries: readonly MoreMenuEntry[] }) {
  const [open, setOpen] = useState(false);
  const [focusAt, setFocusAt] = useState<'first' | 'last'>('first');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const buttonId = useId();

  const items = () => [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const all = items();
    (focusAt === 'first' ? all[0] : all.at(-1))?.focus();
    const outside = (event: PointerEvent) => {
      if (event.target instanceof Node && root.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, focusAt]);

  const show = (at: 'first' | 'last') => {
    setFocusAt(at);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    show(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number | undefined> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    const next = move[event.key];
    if (next !== undefined) {
      event.preventDefault();
      all[next]?.focus();
    } else if (event.key === 'Escape') {
      // Kept from the window's shortcuts, where Escape would also leave the screen.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const holdsCurrent = entries.some((entry) => entry.current);
  return (
    <div className="more-menu" ref={root}>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className={`button button-quiet${holdsCurrent ? ' topbar-current' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? setOpen(false) : show('first'))}
        onKeyDown={onButtonKey}
        data-testid="open-more"
      >
        <FormattedMessage id="app.more" defaultMessage="More" />
        <span className="more-menu-caret" aria-hidden="true" />
      </button>
      {open && (
        <div
          className="more-menu-list"
          role="menu"
          id={menuId}
          aria-labelledby={buttonId}
          onKeyDown={onMenuKey}
          data-testid="more-menu"
        >
          {entries.map((entry) => (
            <button
              key={entry.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="more-menu-item"
              aria-current={entry.current ? 'page' : undefined}
              onClick={() => {
                close();
                entry.onSelect();
              }}
              data-testid={entry.testId}
            >
              <span className="more-menu-mark" aria-hidden="true" />
              {entry.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
