// The one object the IPC handlers, the CLI and the harness hold: the vault folder and, while
// unlocked, the keys. Locking wipes keys and tells every listener (the windows hide their content).
import { EventEmitter } from 'node:events';
import { userInfo } from 'node:os';
import { CustodyError, VaultLockedError } from './errors.ts';
import { RevealService, type RevealBlock } from './reveal/reveal.service.ts';
import { NodeDecodePool, type DecodeHost } from './media/decode-pool.ts';
import type { IngestRun } from './ingest/ingest.service.ts';
import type { RenderPdf } from './packets/render-pdf.ts';
import type { CoreEvents } from './core-events.ts';
import type { LockReason } from '../../shared/domain/vault.ts';
import { record, writeCheckpoint } from './custody/custody-log.ts';
import { workstationKey } from './custody/signing-key.ts';
import { readSettings, writeSettings } from './settings/settings.service.ts';
import type { Settings } from '../../shared/domain/settings.ts';
import {
  createVault,
  unlockVault,
  changePassphrase,
  vaultPresence,
  type UnlockedVault,
} from './vault/vault.ts';
import { countFailedUnlock, takeFailedUnlocks } from './vault/failed-unlocks.ts';
import { acquireVaultLock, type VaultAccess, type VaultLock } from './vault/vault-lock.ts';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export type { CoreEvents } from './core-events.ts';

export interface CoreOptions {
  /** Makes the out-of-process image decoder on first use: Electron passes its utilityProcess pool. */
  decoder?: () => DecodeHost;
  /** Which surface acts, for the custody log: 'app', 'cli' or 'harness'. */
  surface?: string;
  /** The platform's file picker: a native dialog in the app, a scripted list in the harness. */
  pickEvidence?: () => Promise<string[]>;
  /** The platform's save dialog for packets: native in the app, scripted in the harness. */
  pickPacketTarget?: (suggestedName: string) => Promise<string | null>;
  /** HTML → PDF for packet reports: Electron's printToPDF in the app; Chromium via playwright-core elsewhere. */
  renderPdf?: RenderPdf;
  /** 'read' shares the vault with other readers and never sweeps (read-only CLI commands). */
  access?: VaultAccess;
  /** How long unlock waits for another process's lock on the vault; see vault-lock.ts. */
  lockWaitMs?: number;
  /** Refuses to unveil items a hash list blocks; none are blocked until hash lists exist. */
  isBlocked?: RevealBlock;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export class CustodyCore {
  readonly vaultDir: string;
  readonly events = new EventEmitter<CoreEvents>();
  readonly reveal: RevealService;
  readonly ingests = new Map<string, IngestRun>();
  readonly actor: string;
  readonly renderPdf: RenderPdf | undefined;
  #vault: UnlockedVault | null = null;
  #decoder: DecodeHost | null = null;
  #unlockedAt = 0;
  #vaultLock: VaultLock | null = null;
  #lockForLife = false;
  readonly #surface: string;
  readonly #access: VaultAccess;
  readonly #lockWaitMs: number | undefined;
  readonly #decoderFactory: (() => DecodeHost) | undefined;
  readonly #pickEvidence: (() => Promise<string[]>) | undefined;
  readonly #pickPacketTarget: ((suggestedName: string) => Promise<string | null>) | undefined;

  constructor(vaultDir: string, options: CoreOptions = {}) {
    this.vaultDir = vaultDir;
    this.#decoderFactory = options.decoder;
    this.#pickEvidence = options.pickEvidence;
    this.#pickPacketTarget = options.pickPacketTarget;
    this.renderPdf = options.renderPdf;
    this.#surface = options.surface ?? 'app';
    this.#access = options.access ?? 'write';
    this.#lockWaitMs = options.lockWaitMs;
    this.actor = `${this.#surface}:${osUser()}`;
    const session = { openVault: () => this.#vault, unlockedAt: () => this.#unlockedAt };
    this.reveal = new RevealService(session, this.events, options.isBlocked);
  }

  /** Takes the vault's write lock now and keeps it until close(), locked or not: the app's way. */
  async holdVault(): Promise<void> {
    this.#lockForLife = true;
    await this.#takeLock('write');
  }

  async #takeLock(access: VaultAccess): Promise<VaultLock> {
    this.#vaultLock ??= await acquireVaultLock(this.vaultDir, {
      access,
      surface: this.#surface,
      ...(this.#lockWaitMs !== undefined ? { waitMs: this.#lockWaitMs } : {}),
    });
    return this.#vaultLock;
  }

  #releaseLock(): void {
    if (this.#lockForLife) return;
    this.#vaultLock?.release();
    this.#vaultLock = null;
  }

  decoder(): DecodeHost {
    this.#decoder ??= this.#decoderFactory ? this.#decoderFactory() : new NodeDecodePool();
    return this.#decoder;
  }

  async pickEvidence(): Promise<string[]> {
    this.vault();
    if (!this.#pickEvidence)
      throw new CustodyError('UNSUPPORTED', 'There is no file picker here; pass paths instead.');
    return this.#pickEvidence();
  }

  async pickPacketTarget(suggestedName: string): Promise<string | null> {
    this.vault();
    if (!this.#pickPacketTarget)
      throw new CustodyError('UNSUPPORTED', 'There is no save dialog here; type a path instead.');
    return this.#pickPacketTarget(suggestedName);
  }

  /** Locks and stops background processes; the core can be used again afterwards. */
  async close(): Promise<void> {
    this.lock('shutdown');
    this.#lockForLife = false;
    this.#releaseLock();
    const d = this.#decoder;
    this.#decoder = null;
    await d?.close();
  }

  async state(): Promise<VaultState> {
    if (this.#vault) return 'unlocked';
    return (await vaultPresence(this.vaultDir)) === 'present' ? 'locked' : 'absent';
  }

  /** Epoch ms of the current unlock; 0 while locked. Exposure "this session" counts from here. */
  get unlockedAt(): number {
    return this.#unlockedAt;
  }

  async create(passphrase: string): Promise<void> {
    this.lock('user');
    await this.#takeLock('write');
    let vault: UnlockedVault;
    try {
      vault = await createVault(this.vaultDir, passphrase);
    } catch (e) {
      this.#releaseLock();
      throw e;
    }
    vault.actor = this.actor;
    const key = workstationKey(vault);
    record(vault, {
      action: 'vault.created',
      details: { vaultId: vault.vaultId, signingKey: key.fingerprint },
    });
    this.#opened(vault);
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.#vault) return;
    // No lock folder appears where there is no vault.
    if ((await vaultPresence(this.vaultDir)) === 'absent')
      throw new CustodyError('VAULT_NOT_FOUND', `No vault in ${this.vaultDir}.`);
    const lock = await this.#takeLock(this.#access);
    let vault: UnlockedVault;
    try {
      // Only a writer sweeps, and only what was left before it got the lock.
      vault = await unlockVault(
        this.vaultDir,
        passphrase,
        lock.access === 'write' ? { sweepBefore: lock.since } : {},
      );
    } catch (e) {
      this.#releaseLock();
      // Counted beside vault.json, not in the evidence; logged at the next unlock.
      if ((e as { code?: string }).code === 'WRONG_PASSPHRASE')
        await countFailedUnlock(this.vaultDir);
      throw e;
    }
    vault.actor = this.actor;
    const failed = await takeFailedUnlocks(this.vaultDir);
    record(vault, {
      action: 'vault.unlocked',
      details: { failedAttemptsBefore: failed.count },
    });
    await failed.clear();
    this.#opened(vault);
  }

  #opened(vault: UnlockedVault): void {
    this.#vault = vault;
    this.#unlockedAt = Date.now();
    this.events.emit('vault:unlocked', {});
    this.events.emit('settings:changed', readSettings(vault));
  }

  updateSettings(patch: Parameters<typeof writeSettings>[1]): Settings {
    const next = writeSettings(this.vault(), patch);
    this.events.emit('settings:changed', next);
    return next;
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await changePassphrase(this.vaultDir, oldPassphrase, newPassphrase);
    if (this.#vault) record(this.#vault, { action: 'vault.passphrase-changed' });
  }

  lock(reason: LockReason = 'user'): void {
    const vault = this.#vault;
    if (!vault) return;
    for (const run of this.ingests.values()) run.cancel();
    this.reveal.veilAll();
    try {
      record(vault, { action: 'vault.locked', details: { reason } });
      writeCheckpoint(vault, 'lock');
    } finally {
      vault.lock();
      this.#releaseLock();
      this.#vault = null;
      this.#unlockedAt = 0;
      this.events.emit('vault:locked', { reason });
    }
  }

  /** The unlocked vault, or VaultLockedError: every evidence operation goes through here. */
  vault(): UnlockedVault {
    if (!this.#vault) throw new VaultLockedError();
    return this.#vault;
  }
}
