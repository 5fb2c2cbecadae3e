// Hash lists and their matches, as both sides see them (electron/core/hashlists decides).
// Formats: docs/formats/hash-lists.md.
import { z } from 'zod';

/** The file formats `hashlist import` reads; 'auto' looks at the file first. */
export const hashListFormats = [
  'md5',
  'sha1',
  'sha256',
  'pdq',
  'csv',
  'pytx',
  'ncmec',
  'stopncii',
  'tcap',
  'vics',
  'icse',
] as const;
export const hashListFormatSchema = z.enum(hashListFormats);
export type HashListFormat = z.infer<typeof hashListFormatSchema>;

/** Hashes Custody computes for every item, so a list entry of these types can match. */
export const computableHashTypes = ['md5', 'sha1', 'sha256', 'pdq', 'vpdq'] as const;
export type ComputableHashType = (typeof computableHashTypes)[number];
/** PDQ and vPDQ measure likeness: a match is a lead for the reviewer, never an automatic verdict. */
export const isSimilarityHash = (t: string): boolean => t === 'pdq' || t === 'vpdq';
export const isComputable = (t: string): t is ComputableHashType =>
  (computableHashTypes as readonly string[]).includes(t);

/** PDQ distance at or below which a list entry matches (Meta's starting point). */
export const DEFAULT_PDQ_THRESHOLD = 31;
export const pdqThresholdSchema = z.number().int().min(0).max(63);

export const hashListVersionSchema = z.object({
  version: z.number().int(),
  source: z.string(),
  sourceSha256: z.string(),
  importedAt: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
});
export type HashListVersion = z.infer<typeof hashListVersionSchema>;

export const hashListSchema = z.object({
  id: z.string(),
  name: z.string(),
  format: hashListFormatSchema,
  version: z.number().int(),
  importedAt: z.string(),
  threshold: z.number().int(),
  knownIllegal: z.boolean(),
  negative: z.boolean(),
  enabled: z.boolean(),
  /** Entries by hash type, e.g. { md5: 120, photodna: 40 }. */
  counts: z.record(z.string(), z.number().int()),
  /** Hash types in the list that no item can be checked against here (PhotoDNA, NetClean, …). */
  notComputable: z.array(z.string()),
  /** Every version imported, oldest first: where it came from and what it changed. */
  versions: z.array(hashListVersionSchema),
});
export type HashList = z.infer<typeof hashListSchema>;

/** A line (or record) of the file that was not imported, and why. */
export const importProblemSchema = z.object({ line: z.number().int(), reason: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const hashListImportSchema = z.object({
  list: hashListSchema,
  added: z.number().int(),
  /** Entries a tombstone took out (deleted, withdrawn). */
  removed: z.number().int(),
  skipped: z.array(importProblemSchema),
  /** Items newly matched across the vault once the list was in. */
  matched: z.number().int(),
});
export type HashListImport = z.infer<typeof hashListImportSchema>;

export const matchStatuses = ['open', 'confirmed', 'rejected'] as const;
export type MatchStatus = (typeof matchStatuses)[number];

export const hashMatchSchema = z.object({
  id: z.number().int(),
  itemId: z.string(),
  listId: z.string(),
  listName: z.string(),
  listVersion: z.number().int(),
  hashType: z.string(),
  /** The list's hash that matched. */
  value: z.string(),
  /** 0 for an exact hash; PDQ bits apart otherwise. */
  distance: z.number().int(),
  /** Which of the item's eight PDQ rotations/flips matched; null for an exact hash. */
  variant: z.string().nullable(),
  /** The category the list gives this hash, as `${scheme}:${code}`, if any. */
  categoryId: z.string().nullable(),
  knownIllegal: z.boolean(),
  status: z.enum(matchStatuses),
});
export type HashMatch = z.infer<typeof hashMatchSchema>;

export const similarGroupSchema = z.object({
  /** Items within PDQ distance 31 of another in the group (through any rotation or flip). */
  itemIds: z.array(z.string()).min(2),
  /** The largest distance between two linked members. */
  maxDistance: z.number().int(),
});
export type SimilarGroup = z.infer<typeof similarGroupSchema>;

/** Formats `hashlist export` writes. */
export const hashExportFormats = ['plain', 'csv', 'pytx', 'vics'] as const;
export type HashExportFormat = (typeof hashExportFormats)[number];

/**
 * Why an item stays veiled by default, as facts each surface says in its own language: the
 * known-illegal lists it matches exactly (with the hash that matched), or else its labels in
 * categories marked known illegal. The core decides (electron/core/hashlists); docs/formats/hash-lists.md.
 */
export const revealBlockSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hash-list'),
    matches: z.array(z.strictObject({ listName: z.string(), hashType: z.string() })).min(1),
  }),
  z.strictObject({
    kind: z.literal('label'),
    /** Category ids, `${scheme}:${code}`. */
    categoryIds: z.array(z.string()).min(1),
  }),
]);
export type RevealBlock = z.infer<typeof revealBlockSchema>;
