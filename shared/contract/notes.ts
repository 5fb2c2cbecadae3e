import { z } from 'zod';
import { channel } from './define.ts';
import { itemIdSchema } from '../domain/ids.ts';
import { noteSchema } from '../domain/triage.ts';

export const noteChannels = {
  'notes:add': channel(
    z.strictObject({ itemId: itemIdSchema, body: z.string().min(1).max(20_000) }),
    noteSchema,
  ),
};
