import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { categorySchemeIds } from '../domain/category-schemes.ts';
import { pathGrantSchema, pathHandleSchema } from '../domain/path-grant.ts';
import {
  DEFAULT_PDQ_THRESHOLD,
  hashExportFormats,
  hashListFormatSchema,
  hashListImportSchema,
  hashListSchema,
  hashMatchSchema,
  pdqThresholdSchema,
  revealBlockSchema,
  similarGroupSchema,
} from '../domain/hashlist.ts';

const listId = z.string().regex(/^hl_[0-9a-f]{16}$/, 'not a hash list id');
const mappingSchema = z.object({
  from: z.string(),
  to: z.string(),
  relation: z.enum(['exact', 'broader', 'narrower', 'related']),
  condition: z.string().nullable(),
  reason: z.string(),
  mappingVersion: z.string(),
});

export const hashlistChannels = {
  'hashlists:list': channel(noArgs, z.array(hashListSchema)),
  /** Opens the platform's file picker for a list; null when cancelled. */
  'hashlists:pick': channel(noArgs, z.object({ file: pathGrantSchema.nullable() })),
  /**
   * Imports a list file (a handle from hashlists:pick), all or nothing; a list of the same name is
   * replaced by this newer version. Skipped lines come back with their numbers.
   */
  'hashlists:import': channel(
    z.strictObject({
      file: pathHandleSchema,
      name: z.string().trim().min(1).max(200),
      format: z.union([hashListFormatSchema, z.literal('auto')]).default('auto'),
      threshold: pdqThresholdSchema.default(DEFAULT_PDQ_THRESHOLD),
      knownIllegal: z.boolean().default(false),
      negative: z.boolean().default(false),
    }),
    hashListImportSchema,
  ),
  'hashlists:set-enabled': channel(
    z.strictObject({ id: listId, enabled: z.boolean() }),
    hashListSchema,
  ),
  'hashlists:remove': channel(
    z.strictObject({ id: listId }),
    z.object({ id: z.string(), removed: z.literal(true) }),
  ),
  /** Matches shown for a case's items or one item (not rejected, not suppressed by a negative list). */
  'hashlists:matches': channel(
    z
      .strictObject({ caseId: caseIdSchema.optional(), itemId: itemIdSchema.optional() })
      .refine((w) => (w.caseId === undefined) !== (w.itemId === undefined), 'a case or an item'),
    z.array(hashMatchSchema),
  ),
  /** The reviewer confirms or rejects a match (logged). */
  'hashlists:review': channel(
    z.strictObject({
      matchId: z.number().int().positive(),
      verdict: z.enum(['confirmed', 'rejected']),
      note: z.string().trim().min(1).max(2000).optional(),
    }),
    hashMatchSchema,
  ),
  /**
   * Why the item stays veiled by default (a known-illegal match or label), or null: `block` the
   * facts, which each surface says in its own language; `reason` the core's English sentence.
   */
  'hashlists:blocked': channel(
    z.strictObject({ itemId: itemIdSchema }),
    z.object({ reason: z.string().nullable(), block: revealBlockSchema.nullable() }),
  ),
  /** Groups of near-duplicate items (PDQ within 31, any rotation or flip) in a case. */
  'hashlists:similar': channel(
    z.strictObject({ caseId: caseIdSchema }),
    z.array(similarGroupSchema),
  ),
  /** The item's labels in every scheme, and labels suggested in the reviewer's schemes with the reason. */
  'hashlists:labels': channel(
    z.strictObject({ itemId: itemIdSchema }),
    z.object({ labels: z.array(z.string()), suggestions: z.array(mappingSchema) }),
  ),
  /** Labels suggested from the item's labels through the mapping, into the reviewer's schemes. */
  'hashlists:suggest': channel(
    z.strictObject({ itemId: itemIdSchema }),
    z.object({ suggestions: z.array(mappingSchema) }),
  ),
  /** Sets a label in its scheme; `from` names the label a suggestion was mapped from (both logged). */
  'hashlists:label': channel(
    z.strictObject({
      itemId: itemIdSchema,
      categoryId: z.string().max(80),
      from: z.string().max(80).nullable().default(null),
    }),
    z.object({ changed: z.boolean() }),
  ),
  /** Writes a case's categorised hashes as a list to share back. */
  'hashlists:export': channel(
    z.strictObject({
      caseId: caseIdSchema,
      format: z.enum(hashExportFormats),
      out: pathHandleSchema,
    }),
    z.object({ count: z.number().int() }),
  ),
  /** The category schemes the reviewer works in (suggestions go into these). */
  'hashlists:schemes': channel(noArgs, z.object({ schemes: z.array(z.enum(categorySchemeIds)) })),
  'hashlists:set-schemes': channel(
    z.strictObject({ schemes: z.array(z.enum(categorySchemeIds)).min(1) }),
    z.object({ schemes: z.array(z.enum(categorySchemeIds)) }),
  ),
};
