import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { useRoute, type Route } from '../base/route.store.ts';
import type { VaultStatus } from '../features/vault/vault.store.ts';
import { useVault } from '../features/vault/vault.store.ts';
import { MoreMenu } from './MoreMenu.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { ExposureMeter } from '../features/exposure/ExposureMeter.tsx';
import '../features/exposure/exposure.css';

const stateLabels: Record<VaultStatus, MessageDescriptor> = defineMessages({
  unknown: { id: 'app.vaultState.unknown', defaultMessage: 'Opening…' },
  unreachable: { id: 'app.vaultState.unreachable', defaultMessage: 'Not connected' },
  absent: { id: 'app.vaultState.absent', defaultMessage: 'No vault yet' },
  locked: { id: 'app.vaultState.locked', defaultMessage: 'Locked' },
  unlocked: { id: 'app.vaultState.unlocked', defaultMessage: 'Unlocked' },
});

const screenLabels = defineMessages({
  reports: { id: 'reports.open', defaultMessage: 'Reports' },
  hashLists: { id: 'hashlists.title', defaultMessage: 'Hash lists' },
  colleagues: { id: 'colleagues.title', defaultMessage: 'Colleagues' },
});

/**
 * The screens the top bar opens once unlocked, in order: adding one is one line here. The most
 * used (Settings, Shortcuts, Lock) are buttons of their own, so the rest wait in the More menu
 * and the bar fits 1280 px in every language.
 */
export const topBarScreens: readonly {
  route: Route;
  label: MessageDescriptor;
  testId: string;
  /** Kept as a button in the bar; otherwise the entry waits in the More menu. */
  inBar?: boolean;
}[] = [
  { route: { name: 'hash-lists' }, label: screenLabels.hashLists, testId: 'open-hashlists' },
  { route: { name: 'reports' }, label: screenLabels.reports, testId: 'open-reports' },
  { route: { name: 'colleagues' }, label: screenLabels.colleagues, testId: 'open-colleagues' },
];

interface TopBarProps {
  status: VaultStatus;
  onHelp: () => void;
  onSettings: () => void;
}

export function TopBar({ status, onHelp, onSettings }: TopBarProps) {
  const intl = useIntl();
  const current = useRoute((state) => state.route.name);
  const isCurrent = (route: Route) => route.name === current;
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Custody
      </div>
      <div className={`vault-state vault-state-${status}`} data-testid="vault-state">
        <span className="vault-state-dot" aria-hidden="true" />
        <span>
          <FormattedMessage
            id="app.vaultState"
            defaultMessage="<hidden>Vault: </hidden>{state}"
            values={{
              state: intl.formatMessage(stateLabels[status]),
              hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
            }}
          />
        </span>
      </div>
      {status === 'unlocked' && <ExposureMeter />}
      <div className="topbar-actions">
        {status === 'unlocked' &&
          topBarScreens
            .filter((screen) => screen.inBar)
            .map((screen) => (
              <button
                key={screen.testId}
                type="button"
                className={`button button-quiet${isCurrent(screen.route) ? ' topbar-current' : ''}`}
                aria-current={isCurrent(screen.route) ? 'page' : undefined}
                onClick={() => useRoute.getState().go(screen.route)}
                data-testid={screen.testId}
              >
                {intl.formatMessage(screen.label)}
              </button>
            ))}
        {status === 'unlocked' && (
          <MoreMenu
            entries={topBarScreens
              .filter((screen) => !screen.inBar)
              .map((screen) => ({
                key: screen.testId,
                label: intl.formatMessage(screen.label),
                testId: screen.testId,
                current: isCurrent(screen.route),
                onSelect: () => useRoute.getState().go(screen.route),
              }))}
          />
        )}
        {status === 'unlocked' && (
          <button
            type="button"
            className={`button button-quiet${current === 'settings' ? ' topbar-current' : ''}`}
            aria-current={current === 'settings' ? 'page' : undefined}
            onClick={onSettings}
            aria-keyshortcuts="Control+,"
            data-testid="open-settings"
          >
            <FormattedMessage id="settings.title" defaultMessage="Settings" />
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          onClick={onHelp}
          aria-keyshortcuts="?"
          data-testid="shortcuts"
        >
          <FormattedMessage id="app.shortcuts" defaultMessage="Shortcuts" /> <Kbd spec="?" />
        </button>
        {status === 'unlocked' && (
          <button
            type="button"
            className="button"
            onClick={() => void useVault.getState().lock()}
            aria-keyshortcuts="Control+L"
            data-testid="lock"
          >
            <FormattedMessage id="app.lock" defaultMessage="Lock" /> <Kbd spec="Ctrl+L" />
          </button>
        )}
      </div>
    </header>
  );
}
