import type { VaultStatus } from '../features/vault/vault.store.ts';
import { useVault } from '../features/vault/vault.store.ts';
import { Kbd } from '../components/Kbd.tsx';

const stateLabels: Record<VaultStatus, string> = {
  unknown: 'Opening…',
  unreachable: 'Not connected',
  absent: 'No vault yet',
  locked: 'Locked',
  unlocked: 'Unlocked',
};

export function TopBar({ status, onHelp }: { status: VaultStatus; onHelp: () => void }) {
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
      <div className="topbar-actions">
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
