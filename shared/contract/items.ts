import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { itemFilterSchema, itemSchema, itemSummarySchema } from '../domain/item.ts';

export const itemChannels = {
  'items:list': channel(
    z.strictObject({
      caseId: caseIdSchema,
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(20_000).default(500),
      filter: itemFilterSchema.default({}),
    }),
    z.object({ items: z.array(itemSummarySchema), total: z.number().int() }),
  ),
  'items:get': channel(z.strictObject({ id: itemIdSchema }), itemSchema),
};
