import { z } from 'zod';
import { channel } from './define.ts';
import { itemIdSchema } from '../domain/ids.ts';
import { revealStepSchema } from '../domain/item.ts';

export const revealChannels = {
  /** Moves an item along the reveal ladder. Unveiling one item re-veils any other. */
  'reveal:set': channel(
    z.strictObject({
      itemId: itemIdSchema,
      step: revealStepSchema,
      seconds: z.number().min(1).max(300).default(10),
      /** Why the reviewer unveils (when the reason prompt is on); kept in the custody entry. */
      reason: z.string().trim().min(1).max(2000).optional(),
    }),
    z.object({ itemId: itemIdSchema, step: revealStepSchema, until: z.number().nullable() }),
  ),
  'reveal:veil-all': channel(z.strictObject({}), z.object({ veiled: z.boolean() })),
};
