import { useRef } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { shortcuts, shortcutScopes, type Shortcut } from './shortcuts.ts';

const all: Shortcut[] = Object.values(shortcuts);

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      initialFocus={closeRef}
      testId="shortcuts-overlay"
      wide
    >
      <div className="shortcut-groups">
        {shortcutScopes.map((scope) => (
          <section key={scope} className="shortcut-group" aria-label={scope}>
            <h3 className="shortcut-scope">{scope}</h3>
            <dl className="shortcut-list">
              {all
                .filter((s) => s.scope === scope)
                .map((s) => (
                  <div key={s.label} className="shortcut">
                    <dt>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span className="shortcut-or"> or </span>}
                          <Kbd spec={k} />
                        </span>
                      ))}
                    </dt>
                    <dd>{s.label}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted">Tab and Shift+Tab move between controls everywhere.</p>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          Close <Kbd spec="Escape" />
        </button>
      </div>
    </Dialog>
  );
}
