// The one object the IPC handlers, the CLI and the harness hold: the vault folder and, while
// unlocked, the keys. Locking wipes keys and tells every listener (the windows hide their content).
import { EventEmitter } from 'node:events';
import { userInfo } from 'node:os';
import { CustodyError, NotFoundError, VaultLockedError } from './errors.ts';
import { RevealState, type Veiled } from './reveal/reveal-state.ts';
import { NodeDecodePool, type DecodeHost } from './media/decode-pool.ts';
import type { IngestRun } from './ingest/ingest.service.ts';
import type { RenderPdf } from './packets/render-pdf.ts';
import type { PacketProgressEvent } from '../../shared/contract/packets.ts';
import type { IngestProgress, RevealStep } from '../../shared/domain/item.ts';
import { record, writeCheckpoint } from './custody/custody-log.ts';
import { workstationKey } from './custody/signing-key.ts';
import { itemCaseId } from './items/item.queries.ts';
import { readSettings, writeSettings } from './settings/settings.service.ts';
import { PathHandles } from './paths/path-handles.ts';
import type { PathGrant } from '../../shared/domain/path-grant.ts';
import type { Settings } from '../../shared/domain/triage.ts';
import {
  createVault,
  unlockVault,
  changePassphrase,
  vaultPresence,
  type UnlockedVault,
} from './vault/vault.ts';

export type VaultState = 'absent' | 'locked' | 'unlocked';
export type LockReason = 'user' | 'idle' | 'system' | 'shutdown';

export interface CoreEvents {
  locked: [LockReason];
  unlocked: [];
  'ingest:progress': [IngestProgress];
  'packet:progress': [PacketProgressEvent];
  /** The reviewer's settings, on unlock and on every change: main applies auto-lock and content protection. */
  settings: [Settings];
  /** An item went back to veiled on its own (expiry) or because another was unveiled. */
  veiled: [Veiled];
}

/** What a verify dialog opens: the packet, or the age identity file that decrypts it. */
export type VerifyPick = 'packet' | 'identity';

export interface CoreOptions {
  /** Makes the out-of-process image decoder on first use: Electron passes its utilityProcess pool. */
  decoder?: () => DecodeHost;
  /** Which surface acts, for the custody log: 'app', 'cli' or 'harness'. */
  surface?: string;
  /** The platform's file picker: a native dialog in the app, a scripted list in the harness. */
  pickEvidence?: () => Promise<string[]>;
  /** The platform's save dialog for packets: native in the app, scripted in the harness. */
  pickPacketTarget?: (suggestedName: string) => Promise<string | null>;
  /** The platform's open dialog for verifying a packet: native in the app, scripted in the harness. */
  pickVerifyFile?: (what: VerifyPick) => Promise<string | null>;
  /** HTML → PDF for packet reports: Electron's printToPDF in the app; Chromium via playwright-core elsewhere. */
  renderPdf?: RenderPdf;
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
  readonly reveal = new RevealState();
  readonly ingests = new Map<string, IngestRun>();
  /** Paths chosen in main's dialogs or dropped, as the handles the renderer names them by. */
  readonly paths = new PathHandles();
  readonly actor: string;
  readonly renderPdf: RenderPdf | undefined;
  #vault: UnlockedVault | null = null;
  #decoder: DecodeHost | null = null;
  #revealTimer: NodeJS.Timeout | null = null;
  #failedUnlocks = 0;
  #unlockedAt = 0;
  readonly #decoderFactory: (() => DecodeHost) | undefined;
  readonly #pickEvidence: (() => Promise<string[]>) | undefined;
  readonly #pickPacketTarget: ((suggestedName: string) => Promise<string | null>) | undefined;
  readonly #pickVerifyFile: ((what: VerifyPick) => Promise<string | null>) | undefined;

  constructor(vaultDir: string, options: CoreOptions = {}) {
    this.vaultDir = vaultDir;
    this.#decoderFactory = options.decoder;
    this.#pickEvidence = options.pickEvidence;
    this.#pickPacketTarget = options.pickPacketTarget;
    this.#pickVerifyFile = options.pickVerifyFile;
    this.renderPdf = options.renderPdf;
    this.actor = `${options.surface ?? 'app'}:${osUser()}`;
  }

  decoder(): DecodeHost {
    this.#decoder ??= this.#decoderFactory ? this.#decoderFactory() : new NodeDecodePool();
    return this.#decoder;
  }

  async pickEvidence(): Promise<PathGrant[]> {
    this.vault();
    if (!this.#pickEvidence)
      throw new CustodyError(
        'UNSUPPORTED',
        'There is no file picker here; drop the files instead.',
      );
    return this.grantEvidence(await this.#pickEvidence());
  }

  /** Files main saw dropped on the window (or the CLI was given), as evidence handles. */
  grantEvidence(paths: readonly string[]): PathGrant[] {
    this.vault();
    return paths.map((p) => this.paths.grant(p, 'evidence'));
  }

  async pickPacketTarget(suggestedName: string): Promise<PathGrant | null> {
    this.vault();
    if (!this.#pickPacketTarget)
      throw new CustodyError('UNSUPPORTED', 'There is no save dialog here.');
    const path = await this.#pickPacketTarget(suggestedName);
    return path === null ? null : this.paths.grant(path, 'packet-out');
  }

  async pickVerifyFile(what: VerifyPick): Promise<PathGrant | null> {
    this.vault();
    if (!this.#pickVerifyFile)
      throw new CustodyError('UNSUPPORTED', 'There is no file picker here.');
    const path = await this.#pickVerifyFile(what);
    return path === null
      ? null
      : this.paths.grant(path, what === 'packet' ? 'packet-in' : 'identity');
  }

  /** Locks and stops background processes; the core can be used again afterwards. */
  async close(): Promise<void> {
    this.lock('shutdown');
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
    const vault = await createVault(this.vaultDir, passphrase);
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
    let vault: UnlockedVault;
    try {
      vault = await unlockVault(this.vaultDir, passphrase);
    } catch (e) {
      // Nothing is written on a failed unlock (the vault is locked); the count is logged at the next unlock.
      if ((e as { code?: string }).code === 'WRONG_PASSPHRASE') this.#failedUnlocks++;
      throw e;
    }
    vault.actor = this.actor;
    record(vault, {
      action: 'vault.unlocked',
      details: { failedAttemptsBefore: this.#failedUnlocks },
    });
    this.#failedUnlocks = 0;
    this.#opened(vault);
  }

  #opened(vault: UnlockedVault): void {
    this.#vault = vault;
    this.#unlockedAt = Date.now();
    this.events.emit('unlocked');
    this.events.emit('settings', readSettings(vault));
  }

  updateSettings(patch: Parameters<typeof writeSettings>[1]): Settings {
    const next = writeSettings(this.vault(), patch);
    this.events.emit('settings', next);
    return next;
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await changePassphrase(this.vaultDir, oldPassphrase, newPassphrase);
    if (this.#vault) record(this.#vault, { action: 'vault.passphrase-changed' });
  }

  /** Unveils an item to `step` for `ms`; any other item goes back to veiled. Both are logged. */
  unveil(
    itemId: string,
    step: RevealStep,
    ms: number,
    reason?: string,
  ): { step: RevealStep; until: number | null } {
    const vault = this.vault();
    const caseId = itemCaseId(vault.db, itemId);
    if (!caseId) throw new NotFoundError('item', itemId);
    const { unveiling, ended } = this.reveal.unveil(itemId, step, ms);
    if (ended) this.#logVeiled(vault, ended);
    this.#clearRevealTimer();
    if (!unveiling) return { step: 'veiled', until: null };
    record(vault, {
      action: 'item.unveiled',
      caseId,
      itemId,
      details: { step, seconds: Math.round(ms / 1000), ...(reason ? { reason } : {}) },
    });
    this.#revealTimer = setTimeout(() => this.veilAll(), Math.max(0, unveiling.until - Date.now()));
    this.#revealTimer.unref();
    return { step: unveiling.step, until: unveiling.until };
  }

  /** Re-veils whatever is unveiled (focus lost, item changed, lock, expiry). */
  veilAll(): boolean {
    this.#clearRevealTimer();
    const ended = this.reveal.veilAll();
    if (ended && this.#vault) this.#logVeiled(this.#vault, ended);
    return ended !== null;
  }

  #clearRevealTimer(): void {
    if (this.#revealTimer) clearTimeout(this.#revealTimer);
    this.#revealTimer = null;
  }

  #logVeiled(vault: UnlockedVault, v: Veiled): void {
    record(vault, {
      action: 'item.veiled',
      caseId: itemCaseId(vault.db, v.itemId) ?? null,
      itemId: v.itemId,
      details: { highest: v.highest, seconds: Math.round(v.durationMs / 100) / 10 },
    });
    this.events.emit('veiled', v);
  }

  lock(reason: LockReason = 'user'): void {
    const vault = this.#vault;
    if (!vault) return;
    for (const run of this.ingests.values()) run.cancel();
    this.paths.clear();
    this.veilAll();
    try {
      record(vault, { action: 'vault.locked', details: { reason } });
      writeCheckpoint(vault, 'lock');
    } finally {
      vault.lock();
      this.#vault = null;
      this.#unlockedAt = 0;
      this.events.emit('locked', reason);
    }
  }

  /** The unlocked vault, or VaultLockedError: every evidence operation goes through here. */
  vault(): UnlockedVault {
    if (!this.#vault) throw new VaultLockedError();
    return this.#vault;
  }
}
