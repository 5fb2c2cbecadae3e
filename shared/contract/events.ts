import { z } from 'zod';
import { itemIdSchema } from '../domain/ids.ts';
import { ingestProgressSchema, revealStepSchema } from '../domain/item.ts';
import { packetProgressSchema } from './packets.ts';

/** Events main pushes to the renderer. Declared here like channels; neither side names one by hand. */
export const events = {
  'vault:locked': z.object({ reason: z.enum(['user', 'idle', 'system', 'shutdown']) }),
  'ingest:progress': ingestProgressSchema,
  'reveal:veiled': z.object({
    itemId: itemIdSchema,
    highest: revealStepSchema,
    durationMs: z.number(),
  }),
  'packet:progress': packetProgressSchema,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
