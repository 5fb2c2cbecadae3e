import { z } from 'zod';
import { channel } from './define.ts';
import { itemIdSchema } from '../domain/ids.ts';
import { revealStepSchema } from '../domain/item.ts';

export const revealChannels = {
  /**
   * Moves an item along the reveal ladder: one rung up or any rung down, for the duration the
   * vault's settings give (the core decides; see electron/core/reveal/reveal.service.ts).
   * Unveiling one item re-veils any other.
   */
  'reveal:set': channel(
    z.strictObject({
      itemId: itemIdSchema,
      step: revealStepSchema,
      /** Why the reviewer unveils (required from veiled when the reason prompt is on); kept in the custody entry. */
      reason: z.string().trim().min(1).max(2000).optional(),
      /**
       * The extra, confirmed step that unveils an item a known-illegal hash-list match (or label)
       * keeps veiled: the reviewer's typed reason, logged with the block it overrode.
       */
      override: z.strictObject({ reason: z.string().trim().min(10).max(2000) }).optional(),
      /** One still of a video (its frame index): the ladder applies to one picture at a time. */
      frame: z.number().int().nonnegative().max(100_000).optional(),
    }),
    z.object({
      itemId: itemIdSchema,
      frame: z.number().int().nullable().optional(),
      step: revealStepSchema,
      until: z.number().nullable(),
    }),
  ),
  'reveal:veil-all': channel(z.strictObject({}), z.object({ veiled: z.boolean() })),
};
