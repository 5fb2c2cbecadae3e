// What shows while the vault is not unlocked. Nothing here reads any case data.
import './vault.css';
import { FormattedMessage } from 'react-intl';
import type { VaultStatus } from './vault.store.ts';
import { CreateVault } from './CreateVault.tsx';
import { UnlockScreen } from './UnlockScreen.tsx';

export function VaultGate({ status }: { status: Exclude<VaultStatus, 'unlocked'> }) {
  switch (status) {
    case 'absent':
      return <CreateVault />;
    case 'locked':
      return <UnlockScreen />;
    case 'unreachable':
      return (
        <section className="gate" aria-labelledby="unreachable-title">
          <div className="gate-card">
            <h1 id="unreachable-title" className="gate-title">
              <FormattedMessage
                id="vault.unreachable.title"
                defaultMessage="Custody cannot reach its core"
              />
            </h1>
            <p className="gate-lead">
              <FormattedMessage
                id="vault.unreachable.lead"
                defaultMessage="The window opened without its connection to the vault. Close Custody and start it again; nothing has been changed."
              />
            </p>
          </div>
        </section>
      );
    case 'unknown':
      return (
        <section className="gate" aria-busy="true">
          <p className="gate-lead">
            <FormattedMessage id="vault.opening" defaultMessage="Opening the vault…" />
          </p>
        </section>
      );
  }
}
