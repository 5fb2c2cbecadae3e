// The one object the IPC handlers, the CLI and the harness hold: the vault folder and, while
// unlocked, the keys. Locking wipes keys and tells every listener (the windows hide their content).
import { EventEmitter } from 'node:events';
import { VaultLockedError } from './errors.ts';
import {
  createVault,
  unlockVault,
  changePassphrase,
  vaultPresence,
  type UnlockedVault,
} from './vault/vault.ts';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface CoreEvents {
  locked: [];
  unlocked: [];
}

export class CustodyCore {
  readonly vaultDir: string;
  readonly events = new EventEmitter<CoreEvents>();
  #vault: UnlockedVault | null = null;

  constructor(vaultDir: string) {
    this.vaultDir = vaultDir;
  }

  async state(): Promise<VaultState> {
    if (this.#vault) return 'unlocked';
    return (await vaultPresence(this.vaultDir)) === 'present' ? 'locked' : 'absent';
  }

  async create(passphrase: string): Promise<void> {
    this.lock();
    this.#vault = await createVault(this.vaultDir, passphrase);
    this.events.emit('unlocked');
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.#vault) return;
    this.#vault = await unlockVault(this.vaultDir, passphrase);
    this.events.emit('unlocked');
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await changePassphrase(this.vaultDir, oldPassphrase, newPassphrase);
  }

  lock(): void {
    if (!this.#vault) return;
    this.#vault.lock();
    this.#vault = null;
    this.events.emit('locked');
  }

  /** The unlocked vault, or VaultLockedError: every evidence operation goes through here. */
  vault(): UnlockedVault {
    if (!this.#vault) throw new VaultLockedError();
    return this.#vault;
  }
}
