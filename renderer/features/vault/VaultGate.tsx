// What shows while the vault is not unlocked. Nothing here reads any case data.
import './vault.css';
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
              Custody cannot reach its core
            </h1>
            <p className="gate-lead">
              The window opened without its connection to the vault. Close Custody and start it
              again; nothing has been changed.
            </p>
          </div>
        </section>
      );
    case 'unknown':
      return (
        <section className="gate" aria-busy="true">
          <p className="gate-lead">Opening the vault…</p>
        </section>
      );
  }
}
