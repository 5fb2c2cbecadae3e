import type { VaultStatus } from '../features/vault/vault.store.ts';
import { useVault } from '../features/vault/vault.store.ts';
import { Kbd } from '../components/Kbd.tsx';
import { ExposureMeter } from '../features/exposure/ExposureMeter.tsx';
import '../features/exposure/exposure.css';
import { FormattedMessage } from 'react-intl';
import { useRoute } from '../base/route.store.ts';

const stateLabels: Record<VaultStatus, string> = {
  unknown: 'Opening…',
  unreachable: 'Not connected',
  absent: 'No vault yet',
  locked: 'Locked',
  unlocked: 'Unlocked',
};

interface TopBarProps {
  status: VaultStatus;
  onHelp: () => void;
  onSettings: () => void;
}

export function TopBar({ status, onHelp, onSettings }: TopBarProps) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Custody
      </div>
      <div className={`vault-state vault-state-${status}`} data-testid="vault-state">
        <span className="vault-state-dot" aria-hidden="true" />
        <span>
          <span className="visually-hidden">Vault: </span>
          {stateLabels[status]}
        </span>
      </div>
      {status === 'unlocked' && <ExposureMeter />}
      <div className="topbar-actions">
        {status === 'unlocked' && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => useRoute.getState().go({ name: 'reports' })}
            data-testid="open-reports"
          >
            <FormattedMessage id="reports.open" defaultMessage="Reports" />
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
            Settings
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          onClick={onHelp}
          aria-keyshortcuts="?"
          data-testid="shortcuts"
        >
          Shortcuts <Kbd spec="?" />
        </button>
        {status === 'unlocked' && (
          <button
            type="button"
            className="button"
            onClick={() => void useVault.getState().lock()}
            aria-keyshortcuts="Control+L"
            data-testid="lock"
          >
            Lock <Kbd spec="Ctrl+L" />
          </button>
        )}
      </div>
    </header>
  );
}
