// Playback of a video or audio item: a deliberate step beyond its veiled storyboard. The core
// decides here whether the decrypted media may be streamed (the protocol only asks `allows`), for
// one item at a time and never together with an unveiled still. A play session ends on stop, on
// any veiling (focus lost, next item, lock: the reveal service calls `stop`), and when the media
// stays paused for the vault's reveal duration. Its whole span counts as exposure: one
// 'item.played' entry per session, with the seconds it was allowed and the seconds it played.
import type { EventEmitter } from 'node:events';
import { CustodyError, NotFoundError, VaultLockedError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import { itemCaseId } from '../items/item.queries.ts';
import { readSettings } from '../settings/settings.service.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import type { CoreEvents } from '../events.ts';
import { ReasonRequiredError, RevealBlockedError } from './reveal-errors.ts';
import type { BlockCheck, RevealSession } from './reveal.service.ts';

export class NotPlayableError extends CustodyError {
  constructor(itemId: string) {
    super('NOT_REVEALABLE', `Item ${itemId} is not a video or audio recording Custody can play.`);
  }
}

export interface PlaySession {
  itemId: string;
  caseId: string;
  /** Epoch ms the step was granted. */
  since: number;
  muted: boolean;
}

interface Running extends PlaySession {
  reason: string | null;
  /** Epoch ms since the media plays without pause, or null while paused. */
  playingSince: number | null;
  playedMs: number;
  pauseTimer: NodeJS.Timeout | null;
  pauseMs: number;
}

/** What playback needs of the reveal service: veiling any still before the media plays. */
export interface StillVeil {
  veilAll(): boolean;
}

const PLAYABLE_KINDS = new Set(['video', 'audio']);

export class PlaybackService {
  readonly #session: RevealSession;
  readonly #events: EventEmitter<CoreEvents>;
  readonly #isBlocked: BlockCheck;
  readonly #now: () => number;
  #stills: StillVeil | null = null;
  #current: Running | null = null;

  constructor(
    session: RevealSession,
    events: EventEmitter<CoreEvents>,
    isBlocked: BlockCheck = () => null,
    now: () => number = () => Date.now(),
  ) {
    this.#session = session;
    this.#events = events;
    this.#isBlocked = isBlocked;
    this.#now = now;
  }

  /** The reveal service, whose stills go back under the veil when playback starts. */
  attach(stills: StillVeil): void {
    this.#stills = stills;
  }

  /**
   * Allows the item's media to be streamed, muted, until the session ends. Needs a reason when the
   * settings ask for one; refuses an item a known-illegal match blocks, and anything not playable.
   */
  start(itemId: string, reason?: string): PlaySession {
    const vault = this.#vault();
    const caseId = itemCaseId(vault.db, itemId);
    if (!caseId) throw new NotFoundError('item', itemId);
    const kind = vault.db.prepare('SELECT kind FROM items WHERE id = ?').pluck().get(itemId);
    if (!PLAYABLE_KINDS.has(kind as string)) throw new NotPlayableError(itemId);
    const blockedBy = this.#isBlocked(vault, itemId);
    if (blockedBy !== null) throw new RevealBlockedError(itemId, blockedBy);
    const settings = readSettings(vault);
    if (settings.reasonPrompt && !reason) throw new ReasonRequiredError();
    // One thing shown at a time: the session before and any unveiled still end first.
    this.stop();
    this.#stills?.veilAll();
    this.#current = {
      itemId,
      caseId,
      since: this.#now(),
      muted: true,
      reason: reason ?? null,
      playingSince: null,
      playedMs: 0,
      pauseTimer: null,
      pauseMs: settings.revealSeconds * 1000,
    };
    // Not playing yet counts as paused: a session never started ends on its own.
    this.#armPauseTimer();
    return this.current() as PlaySession;
  }

  /** The page's word that the media plays or pauses; a paused session ends after the pause timeout. */
  playing(itemId: string, playing: boolean): PlaySession | null {
    const c = this.#of(itemId);
    if (!c) return null;
    const now = this.#now();
    if (playing && c.playingSince === null) {
      c.playingSince = now;
      this.#clearPauseTimer();
    } else if (!playing && c.playingSince !== null) {
      c.playedMs += now - c.playingSince;
      c.playingSince = null;
      this.#armPauseTimer();
    }
    return this.current();
  }

  /** Sound on: a further step, logged as it happens. */
  unmute(itemId: string): PlaySession {
    const c = this.#of(itemId);
    if (!c) throw new CustodyError('FORBIDDEN', `Item ${itemId} is not playing.`);
    if (c.muted) {
      c.muted = false;
      record(this.#vault(), {
        action: 'item.unmuted',
        caseId: c.caseId,
        itemId,
        details: { afterSeconds: seconds(this.#now() - c.since) },
      });
    }
    return this.current() as PlaySession;
  }

  /** Whether the item's decrypted media may be streamed now. */
  allows(itemId: string): boolean {
    return this.#current?.itemId === itemId && this.#session.openVault() !== null;
  }

  current(): PlaySession | null {
    const c = this.#current;
    return c && { itemId: c.itemId, caseId: c.caseId, since: c.since, muted: c.muted };
  }

  /** Ends the session, if any, and logs its exposure. */
  stop(): boolean {
    const c = this.#current;
    if (!c) return false;
    this.#clearPauseTimer();
    this.#current = null;
    const now = this.#now();
    const playedMs = c.playedMs + (c.playingSince !== null ? now - c.playingSince : 0);
    const vault = this.#session.openVault();
    if (vault)
      record(vault, {
        action: 'item.played',
        caseId: c.caseId,
        itemId: c.itemId,
        details: {
          seconds: seconds(now - c.since),
          playedSeconds: seconds(playedMs),
          unmuted: !c.muted,
          ...(c.reason ? { reason: c.reason } : {}),
        },
      });
    this.#events.emit('playback:ended', { itemId: c.itemId });
    return true;
  }

  #of(itemId: string): Running | null {
    const c = this.#current;
    return c && c.itemId === itemId ? c : null;
  }

  #armPauseTimer(): void {
    const c = this.#current;
    if (!c) return;
    this.#clearPauseTimer();
    c.pauseTimer = setTimeout(() => this.stop(), c.pauseMs);
    c.pauseTimer.unref();
  }

  #clearPauseTimer(): void {
    const c = this.#current;
    if (c?.pauseTimer) clearTimeout(c.pauseTimer);
    if (c) c.pauseTimer = null;
  }

  #vault(): UnlockedVault {
    const vault = this.#session.openVault();
    if (!vault) throw new VaultLockedError();
    return vault;
  }
}

/** Tenths of a second, as the reveal entries keep them. */
const seconds = (ms: number) => Math.round(Math.max(0, ms) / 100) / 10;
