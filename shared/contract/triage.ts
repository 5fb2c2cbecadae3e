import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { itemIdSchema } from '../domain/ids.ts';
import { categorySchema, severitySchema, tagSchema, triageUndoSchema } from '../domain/triage.ts';

const itemIds = z.array(itemIdSchema).min(1).max(20_000);
const updated = z.object({ updated: z.number().int() });

export const triageChannels = {
  'triage:categories': channel(noArgs, z.array(categorySchema)),
  /** Sets (or with null clears) the category of each item. */
  'triage:categorise': channel(
    z.strictObject({ itemIds, category: z.string().max(60).nullable() }),
    updated,
  ),
  'triage:severity': channel(
    z.strictObject({ itemIds, severity: severitySchema.nullable() }),
    updated,
  ),
  'triage:tag': channel(z.strictObject({ itemIds, tag: tagSchema, on: z.boolean() }), updated),
  /** Reverts the item's last category, severity or tag change not yet undone (a new custody entry). */
  'triage:undo': channel(z.strictObject({ itemId: itemIdSchema }), triageUndoSchema),
};
