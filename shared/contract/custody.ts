import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { custodyEntrySchema } from '../domain/custody.ts';

export const custodyChannels = {
  /** The custody entries of a case (all of them) or of one item, oldest first. */
  'custody:history': channel(
    z
      .strictObject({ caseId: caseIdSchema.optional(), itemId: itemIdSchema.optional() })
      .refine((a) => (a.caseId === undefined) !== (a.itemId === undefined), {
        message: 'give caseId or itemId',
      }),
    z.array(custodyEntrySchema),
  ),
};
