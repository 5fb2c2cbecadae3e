import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { itemFilterSchema, itemSchema, itemSortSchema, itemSummarySchema } from '../domain/item.ts';
import { itemTextSchema, timelineEntrySchema } from '../domain/written.ts';

export const itemChannels = {
  'items:list': channel(
    z.strictObject({
      caseId: caseIdSchema,
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(20_000).default(500),
      filter: itemFilterSchema.default({}),
      sort: itemSortSchema.default('acquired'),
    }),
    z.object({ items: z.array(itemSummarySchema), total: z.number().int() }),
  ),
  'items:get': channel(z.strictObject({ id: itemIdSchema }), itemSchema),
  /** The text layer; `encoding` re-decodes the original in that encoding instead of the detected one. */
  'items:text': channel(
    z.strictObject({ itemId: itemIdSchema, encoding: z.string().min(1).max(40).optional() }),
    itemTextSchema,
  ),
  /** The languages detected in a case's text layers (ISO 639-1), for the grid's language filter. */
  'items:languages': channel(
    z.strictObject({ caseId: caseIdSchema }),
    z.object({ languages: z.array(z.string()) }),
  ),
  /** A case's events across kinds, oldest first; times are UTC, as `timeZone` says. */
  'items:timeline': channel(
    z.strictObject({ caseId: caseIdSchema }),
    z.object({ timeZone: z.literal('UTC'), entries: z.array(timelineEntrySchema) }),
  ),
};
