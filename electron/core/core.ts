// The one object the IPC handlers, the CLI and the harness hold: the vault folder and, while
// unlocked, the keys. Locking wipes keys and tells every listener (the windows hide their content).
import { EventEmitter } from 'node:events';
import { VaultLockedError } from './errors.ts';
import { RevealState } from './reveal/reveal-state.ts';
import { NodeDecodePool, type DecodeHost } from './media/decode-pool.ts';
import type { IngestRun } from './ingest/ingest.service.ts';
import type { IngestProgress } from '../../shared/domain/item.ts';
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
  'ingest:progress': [IngestProgress];
}

export interface CoreOptions {
  /** Makes the out-of-process image decoder on first use: Electron passes its utilityProcess pool. */
  decoder?: () => DecodeHost;
}

export class CustodyCore {
  readonly vaultDir: string;
  readonly events = new EventEmitter<CoreEvents>();
  readonly reveal = new RevealState();
  readonly ingests = new Map<string, IngestRun>();
  #vault: UnlockedVault | null = null;
  #decoder: DecodeHost | null = null;
  readonly #decoderFactory: (() => DecodeHost) | undefined;

  constructor(vaultDir: string, options: CoreOptions = {}) {
    this.vaultDir = vaultDir;
    this.#decoderFactory = options.decoder;
  }

  decoder(): DecodeHost {
    if (!this.#decoder) {
      this.#decoder = this.#decoderFactory ? this.#decoderFactory() : new NodeDecodePool();
    }
    return this.#decoder;
  }

  /** Stops background processes; the core can be used again afterwards (they restart on demand). */
  async close(): Promise<void> {
    this.lock();
    const d = this.#decoder;
    this.#decoder = null;
    await d?.close();
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
    for (const run of this.ingests.values()) run.cancel();
    this.reveal.veilAll();
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
