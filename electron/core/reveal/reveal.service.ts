// The one gate between a veiled item and the screen. Whatever asks (the app's page, the harness, a
// script), the vault's own settings decide: one rung up at a time (greyscale only if it is used),
// any rung down, a reason first when the settings ask for one, only rungs the item has a view for,
// never an item a block (hash lists) refuses, and for the reviewer's duration. The service owns the
// expiry: its timer writes the `item.veiled` entry and emits 'reveal:veiled'.
import type { EventEmitter } from 'node:events';
import { NotFoundError, VaultLockedError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import { itemCaseId, previewVariants } from '../items/item.queries.ts';
import { framePreviewVariants, frameTime } from '../items/item-content.queries.ts';
import { readSettings } from '../settings/settings.service.ts';
import { readExposure } from '../exposure/exposure.service.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import type { CoreEvents } from '../events.ts';
import { RevealState, type Unveiling, type Veiled } from './reveal-state.ts';
import type { TextGate } from './text-gate.ts';
import {
  NotRevealableError,
  ReasonRequiredError,
  RevealBlockedError,
  RevealSkipsRungError,
} from './reveal-errors.ts';
import { nextRevealStep, revealRank, type RevealStep } from '../../../shared/domain/item.ts';
import type { Exposure } from '../../../shared/domain/triage.ts';
import type { RevealBlock } from '../../../shared/domain/hashlist.ts';
import { blockSentence } from '../hashlists/reveal-block.ts';

/** Why an item may not be unveiled at all (a known-illegal match), or null. Hash lists plug in here. */
export type BlockCheck = (vault: UnlockedVault, itemId: string) => RevealBlock | null;

export interface RevealSession {
  /** The open vault, or null while locked. */
  openVault(): UnlockedVault | null;
  /** Epoch ms of the current unlock: exposure "this session" counts from here. */
  unlockedAt(): number;
}

export interface Unveiled {
  itemId: string;
  /** The still unveiled, or null for the item's own picture. */
  frame?: number | null;
  step: RevealStep;
  /** Epoch ms when the item veils itself again; null when veiled. */
  until: number | null;
}

export class RevealService {
  readonly #state = new RevealState();
  readonly #session: RevealSession;
  readonly #events: EventEmitter<CoreEvents>;
  readonly #isBlocked: BlockCheck;
  readonly #textGate: TextGate | null;
  #timer: NodeJS.Timeout | null = null;
  /** The item whose current unveiling a confirmed override allowed despite its block. */
  #overridden: string | null = null;
  /** A play session ends whenever a still is unveiled or everything is veiled (see playback.ts). */
  #playback: { stop(): boolean } | null = null;

  constructor(
    session: RevealSession,
    events: EventEmitter<CoreEvents>,
    isBlocked: BlockCheck = () => null,
    textGate: TextGate | null = null,
  ) {
    this.#session = session;
    this.#events = events;
    this.#isBlocked = isBlocked;
    this.#textGate = textGate;
  }

  attachPlayback(playback: { stop(): boolean }): void {
    this.#playback = playback;
  }

  /**
   * Moves the item (or one of its stills, `frame`) to `step` if the rules allow it; unveiling it
   * re-veils any other item or still: one picture is unveiled at a time. A blocked item (a
   * known-illegal match) needs `override`, the reviewer's typed reason, which is logged.
   */
  set(
    itemId: string,
    step: RevealStep,
    reason?: string,
    override?: { reason: string },
    frame: number | null = null,
  ): Unveiled {
    const vault = this.#vault();
    const caseId = itemCaseId(vault.db, itemId);
    if (!caseId) throw new NotFoundError('item', itemId);
    if (step === 'veiled') {
      this.veilAll();
      return { itemId, step: 'veiled', until: null };
    }
    const settings = readSettings(vault);
    const blockedBy = this.#isBlocked(vault, itemId);
    if (blockedBy !== null && !override && !this.#overriding(itemId))
      throw new RevealBlockedError(itemId, blockedBy);
    this.#check(vault, itemId, step, reason, settings, frame);
    this.#playback?.stop();
    const ms = settings.revealSeconds * 1000;
    const { unveiling, ended } = this.#state.unveil(itemId, step, ms, frame);
    if (ended) this.#logVeiled(vault, ended);
    this.#clearTimer();
    if (!unveiling) return { itemId, step: 'veiled', until: null };
    this.#overridden = blockedBy !== null ? itemId : null;
    record(vault, {
      action: 'item.unveiled',
      caseId,
      itemId,
      details: {
        step,
        seconds: settings.revealSeconds,
        ...(reason ? { reason } : {}),
        ...(blockedBy !== null && override
          ? { override: { reason: override.reason, blockedBy: blockSentence(blockedBy) } }
          : {}),
        ...(frame !== null ? { frame, timeSeconds: frameTime(vault.db, itemId, frame) } : {}),
      },
    });
    this.#timer = setTimeout(() => this.veilAll(), Math.max(0, unveiling.until - Date.now()));
    this.#timer.unref();
    return {
      itemId,
      ...(frame !== null ? { frame } : {}),
      step: unveiling.step,
      until: unveiling.until,
    };
  }

  /** Re-veils whatever is unveiled (focus lost, item changed, lock, expiry), gated text too. */
  veilAll(): boolean {
    const played = this.#playback?.stop() ?? false;
    this.#clearTimer();
    this.#overridden = null;
    const ended = this.#state.veilAll();
    const vault = this.#session.openVault();
    if (ended && vault) this.#logVeiled(vault, ended);
    const closed = this.#textGate?.close() ?? false;
    return ended !== null || played || closed;
  }

  /** Whether a preview of `variant` may be served for the item (or its still `frame`) now. */
  allows(itemId: string, variant: RevealStep, frame: number | null = null): boolean {
    return this.#state.allows(itemId, variant, frame);
  }

  /**
   * Why the item may not be shown beyond its veil right now, or null: its block, unless the
   * unveiling going on was allowed by an override. The preview handler asks before serving.
   */
  blockedNow(itemId: string): string | null {
    const vault = this.#session.openVault();
    if (!vault) return 'the vault is locked';
    if (this.#overriding(itemId)) return null;
    const block = this.#isBlocked(vault, itemId);
    return block && blockSentence(block);
  }

  #overriding(itemId: string): boolean {
    // Any picture of the item (its own or one of its stills) unveiled under the override counts.
    return this.#overridden === itemId && this.#state.current()?.itemId === itemId;
  }

  /** The item unveiled now, if any. */
  current(): Unveiling | null {
    return this.#state.current();
  }

  /** Time unveiled today and this session, read from the custody log, counting the running one. */
  exposure(): Exposure {
    return readExposure(
      this.#vault().db,
      this.#session.unlockedAt(),
      this.#state.current(),
      new Date(),
      this.#textGate?.current() ?? null,
    );
  }

  #check(
    vault: UnlockedVault,
    itemId: string,
    step: RevealStep,
    reason: string | undefined,
    settings: { greyStep: boolean; reasonPrompt: boolean },
    frame: number | null,
  ): void {
    const variants =
      frame === null
        ? previewVariants(vault.db, itemId)
        : framePreviewVariants(vault.db, itemId, frame);
    if (!variants.includes(step)) throw new NotRevealableError(itemId, step);
    const shown = this.#state.stepOf(itemId, frame);
    if (revealRank(step) > revealRank(shown)) {
      const next = nextRevealStep(shown, settings.greyStep);
      if (step !== next) throw new RevealSkipsRungError(shown, step, next);
    }
    // The reason is asked for where an unveiling starts, as the reviewer leaves the veil.
    if (settings.reasonPrompt && shown === 'veiled' && !reason) throw new ReasonRequiredError();
  }

  #vault(): UnlockedVault {
    const vault = this.#session.openVault();
    if (!vault) throw new VaultLockedError();
    return vault;
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #logVeiled(vault: UnlockedVault, v: Veiled): void {
    record(vault, {
      action: 'item.veiled',
      caseId: itemCaseId(vault.db, v.itemId) ?? null,
      itemId: v.itemId,
      details: { highest: v.highest, seconds: Math.round(v.durationMs / 100) / 10 },
    });
    this.#events.emit('reveal:veiled', v);
  }
}
