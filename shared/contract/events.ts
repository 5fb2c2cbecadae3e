import { z } from 'zod';
import { itemIdSchema } from '../domain/ids.ts';
import { ingestProgressSchema, revealStepSchema } from '../domain/item.ts';
import { settingsSchema } from '../domain/settings.ts';
import { lockReasonSchema } from '../domain/vault.ts';
import { packetProgressSchema } from './packets.ts';
import { vpdqStatusSchema } from '../domain/vpdq.ts';

/**
 * Every event the core emits, by the name and payload the renderer hears: the core's emitter is
 * typed from this table (CoreEvents in electron/core/core.ts) and main forwards each one as it is.
 */
export const events = {
  'vault:locked': z.object({ reason: lockReasonSchema }),
  'vault:unlocked': z.object({}),
  /** The reviewer's settings, on unlock and on every change: main applies auto-lock and content protection. */
  'settings:changed': settingsSchema,
  'ingest:progress': ingestProgressSchema,
  /** An item went back to veiled on its own (expiry) or because another was unveiled. */
  'reveal:veiled': z.object({
    itemId: itemIdSchema,
    highest: revealStepSchema,
    durationMs: z.number(),
  }),
  /** A gated text went back behind its step (closed, next item, lock, focus lost). */
  'reveal:text-closed': z.object({ itemId: itemIdSchema, seconds: z.number() }),
  /** A video or audio item's play session ended (stopped, veiled, paused too long, locked). */
  'playback:ended': z.object({ itemId: itemIdSchema }),
  'packet:progress': packetProgressSchema,
  /** Lines (or records) of a hash-list file read so far, while it is imported. */
  'hashlists:progress': z.object({ name: z.string(), lines: z.number().int().nonnegative() }),
  /** A video's one-frame-a-second pass started, stored a batch, paused or ended. */
  'vpdq:progress': vpdqStatusSchema,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
