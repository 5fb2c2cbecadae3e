// The one object the IPC handlers, the CLI and the harness hold: the vault folder and, while
// unlocked, the keys, and the feature services (core.cases, core.ingest, core.reveal, core.exports,
// core.reports, …) that decide every evidence policy. Handlers are one-line adapters over these services. Locking wipes
// keys and tells every listener (the windows hide their content).
import { EventEmitter } from 'node:events';
import { userInfo } from 'node:os';
import { CustodyError, NoVaultError, VaultLockedError, isDiskFull } from './errors.ts';
import { RevealService, type BlockCheck } from './reveal/reveal.service.ts';
import { TextGate } from './reveal/text-gate.ts';
import { PlaybackService } from './reveal/playback.ts';
import { NodeDecodePool, type DecodeHost } from './media/decode-pool.ts';
import { IngestService } from './ingest/ingest.service.ts';
import { CaseService } from './cases/case.service.ts';
import { ItemService } from './items/item.service.ts';
import { SearchService } from './search/search.service.ts';
import { TriageService } from './triage/triage.service.ts';
import { PacketService } from './packets/packet.service.ts';
import { CustodyService } from './custody/custody.service.ts';
import { HashListService } from './hashlists/hashlist.service.ts';
import { ReportService } from './ledger/ledger.service.ts';
import { ExportService } from './exports/exports.service.ts';
import { rewriteNcmecDraft } from './exports/ncmec/ncmec-export.ts';
import type { RenderPdf } from './packets/render-pdf.ts';
import type { CoreEvents } from './events.ts';
import type { LockReason } from '../../shared/domain/vault.ts';
import { record, writeCheckpoint } from './custody/custody-log.ts';
import { workstationKey } from './custody/signing-key.ts';
import { SettingsService } from './settings/settings.service.ts';
import {
  IdentityService,
  checkedName,
  reviewerStamp,
  storeReviewerName,
} from './identity/identity.service.ts';
import { PathHandles } from './paths/path-handles.ts';
import { ColleagueService } from './handoff/colleague.service.ts';
import { HandoffService } from './handoff/handoff.service.ts';
import { FrameHashingService, loadIsLow } from './vpdq/frame-hashing.service.ts';
import type { PathGrant } from '../../shared/domain/path-grant.ts';
import {
  createVault,
  unlockVault,
  changePassphrase,
  vaultPresence,
  type UnlockedVault,
} from './vault/vault.ts';
import { countFailedUnlock, takeFailedUnlocks } from './vault/failed-unlocks.ts';
import { keepRoomReserve, spendRoomReserve } from './vault/room-reserve.ts';
import { acquireVaultLock, type VaultAccess, type VaultLock } from './vault/vault-lock.ts';
import { DerivedPreviews } from './preview/derived-previews.ts';

export type VaultState = 'absent' | 'locked' | 'unlocked';

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
  /** 'read' shares the vault with other readers and never sweeps (read-only CLI commands). */
  access?: VaultAccess;
  /** How long unlock waits for another process's lock on the vault; see vault-lock.ts. */
  lockWaitMs?: number;
  /** Refuses to unveil items; by default, what the hash lists block (core.hashlists.blockOf). */
  isBlocked?: BlockCheck;
  /** The platform's open dialog for a hash list: native in the app, scripted in the harness. */
  pickHashList?: () => Promise<string | null>;
  /** The open dialog for the organisation's copy of NCMEC's XSD: native in the app, scripted in the harness. */
  pickXsd?: () => Promise<string | null>;
  /**
   * Hash videos a frame a second while unlocked and idle (the app and the harness, which live
   * long); the CLI's short runs never do. `isIdle` replaces the load-average rule.
   */
  backgroundHashing?: { isIdle?: (ownLoad: number) => boolean; pollMs?: number };
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
  /** Paths chosen in main's dialogs or dropped, as the handles the renderer names them by. */
  readonly paths = new PathHandles();
  readonly actor: string;
  readonly cases: CaseService;
  readonly items: ItemService;
  readonly search: SearchService;
  readonly ingest: IngestService;
  readonly reveal: RevealService;
  /** Written content of gated case kinds: served only after a logged text reveal. */
  readonly textGate: TextGate;
  readonly playback: PlaybackService;
  /** Screen outlines and greys, made on first need (preview/derived-previews.ts). */
  readonly previews: DerivedPreviews;
  readonly settings: SettingsService;
  readonly triage: TriageService;
  readonly packets: PacketService;
  readonly custody: CustodyService;
  readonly hashlists: HashListService;
  readonly identity: IdentityService;
  readonly colleagues: ColleagueService;
  readonly handoff: HandoffService;
  readonly reports: ReportService;
  readonly exports: ExportService;
  /** Videos hashed a frame a second (vPDQ) in the background. */
  readonly vpdq: FrameHashingService;
  readonly #backgroundHashing: boolean;
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
  readonly #pickVerifyFile: ((what: VerifyPick) => Promise<string | null>) | undefined;
  readonly #pickHashList: (() => Promise<string | null>) | undefined;
  readonly #pickXsd: (() => Promise<string | null>) | undefined;

  constructor(vaultDir: string, options: CoreOptions = {}) {
    this.vaultDir = vaultDir;
    this.#decoderFactory = options.decoder;
    this.#pickEvidence = options.pickEvidence;
    this.#pickPacketTarget = options.pickPacketTarget;
    this.#pickVerifyFile = options.pickVerifyFile;
    this.#pickHashList = options.pickHashList;
    this.#pickXsd = options.pickXsd;
    this.#surface = options.surface ?? 'app';
    this.#access = options.access ?? 'write';
    this.#lockWaitMs = options.lockWaitMs;
    this.actor = `${this.#surface}:${osUser()}`;
    const vault = () => this.vault();
    const events = this.events;
    // A case's running frame pass stops before the case is destroyed (its key with it).
    this.cases = new CaseService(vault, (caseId) => this.vpdq.stopCase(caseId));
    const session = { openVault: () => this.#vault, unlockedAt: () => this.#unlockedAt };
    this.textGate = new TextGate(session, events);
    this.hashlists = new HashListService(vault, events);
    this.items = new ItemService(
      vault,
      this.textGate,
      (caseId) => this.hashlists.similarItemIds(caseId),
      (id) => this.vpdq.status(id),
    );
    this.search = new SearchService(vault, (caseId) => this.textGate.hiddenIn(caseId));
    this.#backgroundHashing = options.backgroundHashing !== undefined;
    this.vpdq = new FrameHashingService({
      vault,
      decoder: () => this.decoder(),
      events,
      // Ingest comes first: a pass gives way to any batch, whatever the load.
      isIdle: (own) => !this.ingest.busy() && (options.backgroundHashing?.isIdle ?? loadIsLow)(own),
      onHashed: (itemIds) => this.hashlists.checkItems(itemIds),
      ...(options.backgroundHashing?.pollMs !== undefined
        ? { pollMs: options.backgroundHashing.pollMs }
        : {}),
    });
    this.ingest = new IngestService({
      vault,
      decoder: () => this.decoder(),
      events,
      // Every new item is checked against the hash lists before its batch reports finished.
      onCommitted: (itemIds) => this.hashlists.checkItems(itemIds),
      answerable: (item) => this.items.answerable(item),
    });
    const isBlocked: BlockCheck =
      options.isBlocked ?? ((v, itemId) => this.hashlists.blockOf(v, itemId));
    this.reveal = new RevealService(session, events, isBlocked, this.textGate);
    this.playback = new PlaybackService(session, events, isBlocked);
    this.previews = new DerivedPreviews(vault);
    this.playback.attach(this.reveal);
    this.reveal.attachPlayback(this.playback);
    this.settings = new SettingsService(vault, events, vaultDir);
    this.triage = new TriageService(vault);
    this.packets = new PacketService({
      vault,
      events,
      renderPdf: options.renderPdf,
    });
    this.custody = new CustodyService(vault);
    this.identity = new IdentityService(vault);
    this.colleagues = new ColleagueService(vault);
    // Items taken in from a colleague meet this vault's own hash lists, as ingested ones do.
    this.handoff = new HandoffService(vault, (itemIds) => this.hashlists.checkItems(itemIds));
    this.reports = new ReportService(vault, { ncmec: rewriteNcmecDraft });
    this.exports = new ExportService(vault);
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

  async pickHashList(): Promise<PathGrant | null> {
    this.vault();
    if (!this.#pickHashList) throw new CustodyError('UNSUPPORTED', 'There is no file picker here.');
    const path = await this.#pickHashList();
    return path === null ? null : this.paths.grant(path, 'hash-list');
  }

  async pickXsd(): Promise<PathGrant | null> {
    this.vault();
    if (!this.#pickXsd) throw new CustodyError('UNSUPPORTED', 'There is no file picker here.');
    const path = await this.#pickXsd();
    return path === null ? null : this.paths.grant(path, 'xsd');
  }

  /** Locks and stops background processes; the core can be used again afterwards. */
  async close(): Promise<void> {
    // Locking can fail on a full disk; the decoder must still stop, or its process keeps this
    // one alive.
    try {
      this.lock('shutdown');
    } finally {
      this.#lockForLife = false;
      this.#releaseLock();
      const d = this.#decoder;
      this.#decoder = null;
      await d?.close();
    }
  }

  async state(): Promise<VaultState> {
    if (this.#vault) return 'unlocked';
    return (await vaultPresence(this.vaultDir)) === 'present' ? 'locked' : 'absent';
  }

  /** `reviewerName` is who reviews here: every custody entry carries it (it can be changed later). */
  async create(passphrase: string, reviewerName?: string): Promise<void> {
    const name = reviewerName === undefined ? undefined : checkedName(reviewerName);
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
    if (name !== undefined) storeReviewerName(vault, name);
    vault.reviewer = reviewerStamp(vault);
    record(vault, {
      action: 'vault.created',
      details: { vaultId: vault.vaultId, signingKey: key.fingerprint },
    });
    keepRoomReserve(this.vaultDir);
    this.#opened(vault);
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.#vault) return;
    // No lock folder appears where there is no vault.
    if ((await vaultPresence(this.vaultDir)) === 'absent') throw new NoVaultError(this.vaultDir);
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
    vault.reviewer = reviewerStamp(vault);
    const failed = await takeFailedUnlocks(this.vaultDir);
    record(vault, {
      action: 'vault.unlocked',
      details: { failedAttemptsBefore: failed.count },
    });
    await failed.clear();
    if (lock.access === 'write') keepRoomReserve(this.vaultDir);
    this.#opened(vault);
  }

  #opened(vault: UnlockedVault): void {
    this.#vault = vault;
    this.#unlockedAt = Date.now();
    this.events.emit('vault:unlocked', {});
    if (this.#backgroundHashing && this.#access === 'write') this.vpdq.resume();
    this.events.emit('settings:changed', this.settings.get());
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    await changePassphrase(this.vaultDir, oldPassphrase, newPassphrase);
    if (this.#vault) record(this.#vault, { action: 'vault.passphrase-changed' });
  }

  lock(reason: LockReason = 'user'): void {
    const vault = this.#vault;
    if (!vault) return;
    this.ingest.cancelAll();
    this.vpdq.pause();
    this.paths.clear();
    this.reveal.veilAll();
    const recordLock = () => {
      record(vault, { action: 'vault.locked', details: { reason } });
      writeCheckpoint(vault, 'lock');
    };
    try {
      try {
        recordLock();
      } catch (e) {
        // A full disk rolled the entry back: give back the reserved room and record it there.
        if (!isDiskFull(e) || !spendRoomReserve(this.vaultDir)) throw e;
        recordLock();
      }
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
