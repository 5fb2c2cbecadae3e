// The one place that decides how far an item is unveiled. At most one item is unveiled at a time:
// unveiling another re-veils the first. Every unveiling has an expiry; past it the item is veiled.
import { revealRank, type RevealStep } from '../../../shared/domain/item.ts';
import type { EventPayload } from '../../../shared/contract/index.ts';

export interface Unveiling {
  itemId: string;
  /** The still unveiled (a video keyframe's index), or null for the item's own picture. */
  frame: number | null;
  step: RevealStep;
  /** Epoch ms when this item was first unveiled in this stretch. */
  since: number;
  /** Epoch ms after which it is veiled again. */
  until: number;
  /** The highest step reached in this stretch. */
  highest: RevealStep;
}

/** An unveiling that ended: its item, the highest step reached, how long (to its expiry if it lapsed). */
export type Veiled = EventPayload<'reveal:veiled'>;

export class RevealState {
  #current: Unveiling | null = null;
  readonly #now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.#now = now;
  }

  /** The step the item is unveiled to now; 'veiled' for any other item or after expiry. */
  stepOf(itemId: string, frame: number | null = null): RevealStep {
    const c = this.#current;
    if (!c || !isSubject(c, itemId, frame) || this.#now() >= c.until) return 'veiled';
    return c.step;
  }

  allows(itemId: string, variant: RevealStep, frame: number | null = null): boolean {
    return revealRank(variant) <= revealRank(this.stepOf(itemId, frame));
  }

  /**
   * Sets the item's step for `durationMs` from now. Returns the veiling this caused, if another item
   * (or a lapsed unveiling) was replaced, so the caller can log its duration.
   */
  unveil(
    itemId: string,
    step: RevealStep,
    durationMs: number,
    frame: number | null = null,
  ): { unveiling: Unveiling | null; ended: Veiled | null } {
    const now = this.#now();
    let ended: Veiled | null = null;
    const c = this.#current;
    // One picture at a time: unveiling another still of the same video re-veils the first.
    if (c && (!isSubject(c, itemId, frame) || now >= c.until)) ended = this.#end(now);
    if (step === 'veiled') {
      if (this.#current) ended = this.#end(now);
      return { unveiling: null, ended };
    }
    const prev = this.#current;
    const highest = prev && revealRank(prev.highest) > revealRank(step) ? prev.highest : step;
    this.#current = {
      itemId,
      frame,
      step,
      since: prev?.since ?? now,
      until: now + durationMs,
      highest,
    };
    return { unveiling: { ...this.#current }, ended };
  }

  /** Veils whatever is unveiled. */
  veilAll(): Veiled | null {
    return this.#current ? this.#end(this.#now()) : null;
  }

  current(): Unveiling | null {
    const c = this.#current;
    return c && this.#now() < c.until ? { ...c } : null;
  }

  #end(now: number): Veiled {
    const c = this.#current as Unveiling;
    this.#current = null;
    return {
      itemId: c.itemId,
      highest: c.highest,
      durationMs: Math.max(0, Math.min(now, c.until) - c.since),
    };
  }
}

function isSubject(c: Unveiling, itemId: string, frame: number | null): boolean {
  return c.itemId === itemId && c.frame === frame;
}
