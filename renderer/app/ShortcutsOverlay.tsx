import { useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../components/Dialog.tsx';
import { Kbd } from '../components/Kbd.tsx';
import {
  shortcuts,
  shortcutScopeLabels,
  shortcutScopes,
  shownKeys,
  type ShortcutId,
} from '../base/shortcuts.ts';
import { SchemeKeys, UncategoriseKey } from '../features/triage/SchemeKeys.tsx';

const ids = Object.keys(shortcuts) as ShortcutId[];

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const intl = useIntl();
  const t = intl.formatMessage;
  return (
    <Dialog
      title={t({ id: 'app.shortcuts.title', defaultMessage: 'Keyboard shortcuts' })}
      onClose={onClose}
      initialFocus={closeRef}
      testId="shortcuts-overlay"
      wide
    >
      <div className="shortcut-groups">
        {shortcutScopes.map((scope) => (
          <section
            key={scope}
            className="shortcut-group"
            aria-label={t(shortcutScopeLabels[scope])}
          >
            <h3 className="shortcut-scope">{t(shortcutScopeLabels[scope])}</h3>
            <dl className="shortcut-list">
              {ids
                .filter((id) => shortcuts[id].scope === scope)
                .map((id) => (
                  <div key={id} className="shortcut" data-shortcut={id}>
                    <dt>
                      {shownKeys(id).map((k, i) => (
                        <span key={k}>
                          {i > 0 && (
                            <span className="shortcut-or">
                              {' '}
                              <FormattedMessage id="app.shortcuts.or" defaultMessage="or" />{' '}
                            </span>
                          )}
                          <Kbd spec={k} />
                        </span>
                      ))}
                    </dt>
                    <dd>
                      {id === 'uncategorise' ? (
                        <UncategoriseKey>{t(shortcuts[id].label)}</UncategoriseKey>
                      ) : (
                        t(shortcuts[id].label)
                      )}
                    </dd>
                    {id === 'categorise' && (
                      <dd className="shortcut-scheme">
                        <SchemeKeys />
                      </dd>
                    )}
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted">
        <FormattedMessage
          id="app.shortcuts.note"
          defaultMessage="Tab and Shift+Tab move between controls everywhere. In the grid, triage keys act on the selected items, or on the focused one when nothing is selected. Click with Ctrl or Shift to select with the mouse."
        />
      </p>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          <FormattedMessage id="common.close" defaultMessage="Close" /> <Kbd spec="Escape" />
        </button>
      </div>
    </Dialog>
  );
}
