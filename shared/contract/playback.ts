import { z } from 'zod';
import { channel } from './define.ts';
import { itemIdSchema } from '../domain/ids.ts';

const playSessionSchema = z.object({
  itemId: itemIdSchema,
  since: z.number(),
  muted: z.boolean(),
});

export const playbackChannels = {
  /**
   * The deliberate step beyond a video's (or audio's) storyboard: allows its media to stream,
   * muted, from `custody://preview/<item>/stream` until the session ends (electron/core/reveal/playback.ts).
   * Veils any unveiled still; needs a reason when the settings ask for one.
   */
  'playback:start': channel(
    z.strictObject({
      itemId: itemIdSchema,
      reason: z.string().trim().min(1).max(2000).optional(),
    }),
    playSessionSchema,
  ),
  /** The page's word that the media plays or pauses: paused for the reveal duration ends the session. */
  'playback:state': channel(
    z.strictObject({ itemId: itemIdSchema, playing: z.boolean() }),
    playSessionSchema.nullable(),
  ),
  /** Sound on: a further step, logged. */
  'playback:unmute': channel(z.strictObject({ itemId: itemIdSchema }), playSessionSchema),
  /** Ends the play session, if any; its seconds land in the custody log. */
  'playback:stop': channel(z.strictObject({}), z.object({ stopped: z.boolean() })),
};
