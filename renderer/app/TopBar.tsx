import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { useRoute, type Route } from '../base/route.store.ts';
import type { VaultStatus } from '../features/vault/vault.store.ts';
import { useVault } from '../features/vault/vault.store.ts';
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
});

/** The screens the top bar opens once unlocked, in order: adding one is one line here. */
export const topBarScreens: readonly {
  route: Route;
  label: MessageDescriptor;
  testId: string;
}[] = [
  { route: { name: 'reports' }, label: screenLabels.reports, testId: 'open-reports' },
  { route: { name: 'hash-lists' }, label: screenLabels.hashLists, testId: 'open-hashlists' },
];

interface TopBarProps {
  status: VaultStatus;
  onHelp: () => void;
  onSettings: () => void;
}

export function TopBar({ status, onHelp, onSettings }: TopBarProps) {
  const intl = useIntl();
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
          topBarScreens.map((screen) => (
            <button
              key={screen.testId}
              type="button"
              className="button button-quiet"
              onClick={() => useRoute.getState().go(screen.route)}
              data-testid={screen.testId}
            >
              {intl.formatMessage(screen.label)}
            </button>
          ))}
        {status === 'unlocked' && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => useRoute.getState().go({ name: 'colleagues' })}
            data-testid="open-colleagues"
          >
            <FormattedMessage id="colleagues.title" defaultMessage="Colleagues" />
          </button>
        )}
        {status === 'unlocked' && (
          <button
            type="button"
            className="button button-quiet"
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
