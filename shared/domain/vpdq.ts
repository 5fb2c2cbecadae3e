import { z } from 'zod';
import { caseIdSchema, itemIdSchema } from './ids.ts';

/**
 * Where a video's one-frame-a-second pass (vPDQ) stands: `waiting` for an idle machine (never
 * started, or paused by work, load or lock, to resume where it stopped), `hashing` now, `done`, or
 * `failed` for good (an unreadable stream), keeping the frames it hashed.
 */
export const vpdqStateSchema = z.enum(['waiting', 'hashing', 'done', 'failed']);
export type VpdqState = z.infer<typeof vpdqStateSchema>;

export const vpdqStatusSchema = z.object({
  itemId: itemIdSchema,
  caseId: caseIdSchema,
  state: vpdqStateSchema,
  /** Seconds of the video read so far. */
  hashedSeconds: z.number().nonnegative(),
  durationSeconds: z.number().nullable(),
  /** Frames hashed so far: at most one per second. */
  frames: z.number().int().nonnegative(),
  /** Why a failed pass stopped, or null. */
  failed: z.string().nullable(),
});
export type VpdqStatus = z.infer<typeof vpdqStatusSchema>;

/** One hashed frame in vPDQ's shape (frame number, quality, hash, timestamp), and its second. */
export const secondFrameSchema = z.object({
  second: z.number().int().nonnegative(),
  frame: z.number().int().nonnegative(),
  timeSeconds: z.number().nonnegative(),
  pdq: z.string().regex(/^[0-9a-f]{64}$/),
  quality: z.number().int().min(0).max(100),
});
export type SecondFrame = z.infer<typeof secondFrameSchema>;
