import { z } from 'zod';
import { channel } from './define.ts';
import { itemIdSchema } from '../domain/ids.ts';
import { secondFrameSchema, vpdqStatusSchema } from '../domain/vpdq.ts';

/** A video's frames one a second (vPDQ), hashed in the background while the machine is idle. */
export const vpdqChannels = {
  /** Where the item's pass stands; null for anything but a video. */
  'vpdq:status': channel(z.strictObject({ itemId: itemIdSchema }), vpdqStatusSchema.nullable()),
  /** The item's hashed frames so far, in time order, with where the pass stands. */
  'vpdq:frames': channel(
    z.strictObject({ itemId: itemIdSchema }),
    z.object({ status: vpdqStatusSchema.nullable(), frames: z.array(secondFrameSchema) }),
  ),
  /** Hashes the video to its end now, idle or not, resuming where its pass stopped. */
  'vpdq:hash': channel(z.strictObject({ itemId: itemIdSchema }), vpdqStatusSchema.nullable()),
};
