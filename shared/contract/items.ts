import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { pathGrantSchema, pathHandleSchema } from '../domain/path-grant.ts';
import {
  itemFilterSchema,
  itemSchema,
  itemSummarySchema,
  revealStepSchema,
} from '../domain/item.ts';

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
  /** Ingests files chosen with ingest:pick or dropped on the window, named by their handles. */
  'ingest:start': channel(
    z.strictObject({
      caseId: caseIdSchema,
      files: z.array(pathHandleSchema).min(1).max(10_000),
    }),
    z.object({ ingestId: z.string() }),
  ),
  /** Opens the platform's file picker (files and folders); an empty list when cancelled. */
  'ingest:pick': channel(z.strictObject({}), z.object({ files: z.array(pathGrantSchema) })),
  'ingest:cancel': channel(
    z.strictObject({ ingestId: z.string().uuid() }),
    z.object({ cancelled: z.boolean() }),
  ),
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
