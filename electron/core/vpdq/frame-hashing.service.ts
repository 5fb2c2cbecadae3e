// One frame a second of every video, PDQ-hashed in the background while the machine is idle
// (vPDQ, issue 12): the storyboard's stills are a few dozen; these are what Meta's vPDQ lists are
// made of. One video at a time, in the killable decode process, from the video's sealed blob (the
// process gets that blob's own key, never the case key, and no plaintext touches the disk).
// Each batch of frames is stored with how far the pass has got, so a pass stopped by a lock, a
// quit, a crash or work on the machine resumes where it stopped. Locking kills the pass. Every new
// frame is matched against the PDQ and vPDQ lists like the storyboard's stills.
import { availableParallelism, loadavg } from 'node:os';
import type { UnlockedVault } from '../vault/vault.ts';
import type { DecodeHost } from '../media/decode-pool.ts';
import type { CoreEmitter } from '../events.ts';
import { CustodyError, VaultLockedError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import type { SecondFrame } from '../extract/video/second-frames.ts';
import type { VpdqStatus } from '../../../shared/domain/vpdq.ts';
import { secondFrameSchema } from '../../../shared/domain/vpdq.ts';
import {
  countSecondFrames,
  endPass,
  insertSecondFrames,
  nextPendingVideo,
  selectPass,
  selectSecondFrames,
  startPass,
  type PendingVideo,
  type SecondFrameRow,
} from './second-frames.queries.ts';

export interface FrameHashingDeps {
  /** The unlocked vault, or VaultLockedError. */
  vault: () => UnlockedVault;
  decoder: () => DecodeHost;
  events: CoreEmitter;
  /** Whether the machine may spend a core on this now; `ownLoad` is this pass's own share. */
  isIdle?: (ownLoad: number) => boolean;
  /** New frames of these items are in: match them against the lists. */
  onHashed: (itemIds: string[]) => void;
  /** Between two looks at the machine, in ms. Default 30 s. */
  pollMs?: number;
}

/** What a worker's frame must be before it is stored: the worker meets hostile files. */
const workerFrameSchema = secondFrameSchema.omit({ frame: true });
/** A run queue's share per core below which the machine counts as idle. */
const IDLE_LOAD_PER_CORE = 0.6;
const POLL_MS = 30_000;
/** FFmpeg's own cap on one pass: four times the video's length, and at least ten minutes. */
const passTimeoutMs = (seconds: number) => Math.max(10 * 60_000, 4 * seconds * 1000);

/** Idle by the one-minute load average, this pass's own load left out. */
export function loadIsLow(ownLoad: number): boolean {
  const [oneMinute = 0] = loadavg();
  return Math.max(0, oneMinute - ownLoad) / availableParallelism() < IDLE_LOAD_PER_CORE;
}

interface Running {
  itemId: string;
  controller: AbortController;
  done: Promise<void>;
}

export class FrameHashingService {
  readonly #o: FrameHashingDeps;
  readonly #isIdle: (ownLoad: number) => boolean;
  #enabled = false;
  #timer: NodeJS.Timeout | undefined;
  #running: Running | null = null;

  constructor(deps: FrameHashingDeps) {
    this.#o = deps;
    this.#isIdle = deps.isIdle ?? loadIsLow;
  }

  /** Starts looking for idle time (on unlock, in the app): passes resume where they stopped. */
  resume(): void {
    this.#enabled = true;
    this.#schedule();
  }

  /** Stops every pass now (on lock): the running one is killed, its frames so far kept. */
  pause(): void {
    this.#enabled = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#running?.controller.abort();
  }

  /** Stops the pass of an item of this case (before it is destroyed). */
  async stopCase(caseId: string): Promise<void> {
    const running = this.#running;
    if (!running) return;
    const row = this.#o.vault().db.prepare('SELECT case_id FROM items WHERE id = ?').pluck();
    if (row.get(running.itemId) !== caseId) return;
    running.controller.abort();
    await running.done;
  }

  /** Where the item's pass stands; null for anything but a video with a known duration. */
  status(itemId: string): VpdqStatus | null {
    const { db } = this.#o.vault();
    const row = db
      .prepare(
        `SELECT case_id AS caseId, json_extract(facts, '$.media.durationSeconds') AS duration
         FROM items WHERE id = ? AND kind = 'video'`,
      )
      .get(itemId) as { caseId: string; duration: number | null } | undefined;
    if (!row || !(Number(row.duration) > 0)) return null;
    const pass = selectPass(db, itemId);
    const state =
      this.#running?.itemId === itemId
        ? 'hashing'
        : pass?.failed
          ? 'failed'
          : pass?.finishedAt
            ? 'done'
            : 'waiting';
    return {
      itemId,
      caseId: row.caseId,
      state,
      hashedSeconds: Math.min(pass?.hashedUntil ?? 0, row.duration ?? Infinity),
      durationSeconds: row.duration,
      frames: countSecondFrames(db, itemId),
      failed: pass?.failed ?? null,
    };
  }

  /** The item's frames a second, in time order. */
  frames(itemId: string): SecondFrameRow[] {
    return selectSecondFrames(this.#o.vault().db, itemId);
  }

  /**
   * Hashes one video to its end now, idle or not (the CLI, tests): waits for a pass already
   * running on it. Resolves with where it then stands.
   */
  async hashNow(itemId: string): Promise<VpdqStatus | null> {
    if (this.#running?.itemId === itemId) await this.#running.done;
    const video = nextPendingVideo(this.#o.vault().db, itemId);
    if (video) await this.#start(video).done;
    return this.status(itemId);
  }

  #schedule(delay = this.#o.pollMs ?? POLL_MS): void {
    clearTimeout(this.#timer);
    if (!this.#enabled) return;
    this.#timer = setTimeout(() => this.#tick(), delay);
    this.#timer.unref();
  }

  /** One look at the machine: pause a pass when it is busy, start the next when it is idle. */
  #tick(): void {
    if (!this.#enabled) return;
    const running = this.#running;
    const idle = this.#isIdle(running ? 1 : 0);
    if (running && !idle) running.controller.abort();
    if (!running && idle) {
      let next: PendingVideo | undefined;
      try {
        next = nextPendingVideo(this.#o.vault().db);
      } catch (e) {
        if (e instanceof VaultLockedError) return;
        throw e;
      }
      // One after another while the machine stays idle; back to polling when none is left.
      if (next) void this.#start(next).done.then(() => this.#schedule(0));
    }
    this.#schedule();
  }

  #start(video: PendingVideo): Running {
    const controller = new AbortController();
    const running: Running = {
      itemId: video.itemId,
      controller,
      // A pass that cannot even record its end (the vault locked meanwhile) has nothing to say.
      done: this.#pass(video, controller.signal)
        .catch(() => undefined)
        .finally(() => {
          if (this.#running === running) this.#running = null;
          // Its last word says where it ended: done, failed, or waiting to resume.
          this.#emit(video.itemId);
        }),
    };
    this.#running = running;
    return running;
  }

  async #pass(video: PendingVideo, signal: AbortSignal): Promise<void> {
    let from = 0;
    let key: Uint8Array | null = null;
    let stored = 0;
    try {
      const vault = this.#o.vault();
      startPass(vault.db, video.itemId, new Date().toISOString());
      from = Math.floor(selectPass(vault.db, video.itemId)?.hashedUntil ?? 0);
      const handed = await vault.blobs.handOff(vault.caseKey(video.caseId), video.blobId);
      key = new Uint8Array(handed.key.use());
      handed.key.wipe();
      this.#emit(video.itemId);
      const outcome = await this.#o
        .decoder()
        .secondFrames({ sealed: { path: handed.path, id: handed.id, key } }, from, {
          displayName: `video ${video.itemId}`,
          timeoutMs: passTimeoutMs(video.durationSeconds - from),
          signal,
          onFrames: (frames) => {
            if (!signal.aborted) stored += this.#store(video, frames);
          },
        });
      // Stopped by its time cap (neither read to the end nor failed): it resumes from here.
      if (outcome.complete || outcome.error !== null)
        this.#end(video, outcome.untilSecond, outcome.complete ? null : outcome.error);
    } catch (e) {
      if (signal.aborted || e instanceof VaultLockedError) return;
      if (e instanceof CustodyError && e.code === 'CANCELLED') return;
      // The blob could not be read, or the decoder crashed or stalled on it: not tried again.
      this.#end(video, from, e instanceof Error ? e.message : String(e));
    } finally {
      key?.fill(0);
      if (stored > 0) this.#matchLists(video.itemId);
    }
  }

  /** Stores a batch the worker sent, each frame checked: the worker meets hostile files. */
  #store(video: PendingVideo, frames: SecondFrame[]): number {
    const valid = frames.filter((f) => workerFrameSchema.safeParse(f).success);
    if (valid.length === 0) return 0;
    try {
      insertSecondFrames(this.#o.vault().db, video.itemId, valid, video.fps);
    } catch (e) {
      // Locked, or the item's case destroyed, while the batch was on its way: nothing to keep.
      if (e instanceof VaultLockedError) return 0;
      throw e;
    }
    this.#emit(video.itemId);
    return valid.length;
  }

  /** The pass is over: `failed` null when it read the whole video, else why it stopped. */
  #end(video: PendingVideo, untilSecond: number, failed: string | null): void {
    const vault = this.#o.vault();
    const until = Math.max(untilSecond, selectPass(vault.db, video.itemId)?.hashedUntil ?? 0);
    vault.db.transaction(() => {
      endPass(vault.db, video.itemId, new Date().toISOString(), until, failed);
      record(vault, {
        action: 'item.frames-hashed',
        caseId: video.caseId,
        itemId: video.itemId,
        details: { frames: countSecondFrames(vault.db, video.itemId), seconds: until, failed },
      });
    })();
  }

  #matchLists(itemId: string): void {
    try {
      this.#o.onHashed([itemId]);
    } catch (e) {
      if (!(e instanceof VaultLockedError)) throw e;
    }
  }

  #emit(itemId: string): void {
    try {
      const status = this.status(itemId);
      if (status) this.#o.events.emit('vpdq:progress', status);
    } catch (e) {
      if (!(e instanceof VaultLockedError)) throw e;
    }
  }
}
