import { z } from 'zod';
import { caseIdSchema, itemIdSchema } from './ids.ts';
import { noteSchema } from './triage.ts';
import { vpdqStatusSchema } from './vpdq.ts';

/** The reveal ladder, in order. A step unveils every variant at or below it. */
export const revealSteps = ['veiled', 'outline', 'grey', 'plain'] as const;
export const revealStepSchema = z.enum(revealSteps);
export type RevealStep = z.infer<typeof revealStepSchema>;
export const revealRank = (s: RevealStep): number => revealSteps.indexOf(s);

/** The steps offered, in order: greyscale only when the reviewer's settings use it. */
export function revealLadder(greyStep: boolean): RevealStep[] {
  return revealSteps.filter((s) => greyStep || s !== 'grey');
}

/** The one step up from `current` (the core allows no other), or null at the top. */
export function nextRevealStep(current: RevealStep, greyStep: boolean): RevealStep | null {
  return revealLadder(greyStep).find((s) => revealRank(s) > revealRank(current)) ?? null;
}

export const previewSizes = ['thumb', 'screen'] as const;
export const previewSizeSchema = z.enum(previewSizes);
export type PreviewSize = z.infer<typeof previewSizeSchema>;

/**
 * What an item is, from its content: each kind has its own view. Containers (email, web, pdf,
 * document, archive, chat) yield child items; anything unreadable is opaque evidence.
 */
export const itemKinds = [
  'image',
  'video',
  'audio',
  'text',
  'chat',
  'email',
  'web',
  'pdf',
  'document',
  'archive',
  'opaque',
] as const;
export const itemKindSchema = z.enum(itemKinds);
export type ItemKind = z.infer<typeof itemKindSchema>;

/** Flags a reviewer should see at a glance. */
export const itemFlags = [
  'gps',
  'animated',
  'opaque',
  'duplicate-acquired',
  'damaged',
  /** An encrypted archive or document, kept whole: its content was not read. */
  'encrypted',
] as const;
export const itemFlagSchema = z.enum(itemFlags);
export type ItemFlag = z.infer<typeof itemFlagSchema>;

/** Filters of the evidence grid; all optional and combined with AND. */
export const itemFilterSchema = z.strictObject({
  /** A category code, or 'untriaged'. */
  category: z.string().max(60).optional(),
  kind: itemKindSchema.optional(),
  /** Only the children of this item (its direct children). */
  parentId: itemIdSchema.optional(),
  /** Only items that came out of no container (the grid showing children under their parent). */
  topLevel: z.boolean().optional(),
  flag: itemFlagSchema.optional(),
  /** Only items whose text layer is in this language (ISO 639-1: 'ar', 'fa', 'ru', 'en', …). */
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  /** Words, each found in a file name, tag or note (Unicode case-folded), or a hash's hex prefix. */
  search: z.string().max(200).optional(),
  /** Only items with a hash-list match shown. */
  matched: z.boolean().optional(),
  /** Only items in a near-duplicate group of the case (PDQ within 31, any rotation or flip). */
  similar: z.boolean().optional(),
});
export type ItemFilter = z.infer<typeof itemFilterSchema>;

/**
 * Orders of the evidence grid: when the evidence says it happened (items without an event time
 * last), when it was acquired, its name, its size, its kind. Ties go by acquisition.
 */
export const itemSorts = ['event', 'acquired', 'name', 'size', 'kind'] as const;
export const itemSortSchema = z.enum(itemSorts);
export type ItemSort = z.infer<typeof itemSortSchema>;

/** A position needs both coordinates (both null when the file records only an altitude). */
export const gpsSchema = z.object({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  altitude: z.number().nullable(),
});

/** What was read from the file's own metadata (electron/core/media/metadata.ts). Text, never markup. */
export const itemMetadataSchema = z.object({
  format: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  displayWidth: z.number().int(),
  displayHeight: z.number().int(),
  orientation: z.number().int().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  capturedAt: z.string().nullable(),
  gps: gpsSchema.nullable(),
  pages: z.number().int(),
  hasXmp: z.boolean(),
  xmp: z.string().nullable(),
  hasIptc: z.boolean(),
});
export type ItemMetadata = z.infer<typeof itemMetadataSchema>;

/** What a video or audio file says about itself (electron/core/extract/video/media-probe.ts). */
export const itemMediaSchema = z.object({
  durationSeconds: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fps: z.number().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  createdAt: z.string().nullable(),
  gps: gpsSchema.nullable(),
  container: z.string(),
  rotation: z.number().int(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  audioTracks: z.array(
    z.object({
      codec: z.string().nullable(),
      channels: z.number().int(),
      sampleRate: z.number(),
      language: z.string(),
    }),
  ),
});
export type ItemMedia = z.infer<typeof itemMediaSchema>;

/**
 * One still of an item (a video keyframe, a document page) in vPDQ's shape: its time, PDQ and
 * quality; `idx` addresses its previews (`<item>/frame/<idx>/<size>/<variant>`).
 */
export const itemFrameSchema = z.object({
  idx: z.number().int().nonnegative(),
  timeSeconds: z.number().nullable(),
  page: z.number().int().nullable(),
  pdq: z.string().nullable(),
  quality: z.number().int().nullable(),
  width: z.number().int(),
  height: z.number().int(),
});
export type ItemFrame = z.infer<typeof itemFrameSchema>;

export const acquisitionSchema = z.object({
  sourcePath: z.string(),
  acquiredAt: z.string(),
});

export const itemSummarySchema = z.object({
  id: itemIdSchema,
  caseId: caseIdSchema,
  kind: itemKindSchema,
  mime: z.string(),
  originalName: z.string(),
  size: z.number().int().nonnegative(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  flags: z.array(itemFlagSchema),
  createdAt: z.string(),
  /** The container this item came out of (an e-mail, an archive, a document), or null. */
  parentId: itemIdSchema.nullable(),
  /** Its path inside that parent ('attachments/photo.jpg'), or null at the top level. */
  pathInParent: z.string().nullable(),
  /** How many items came out of this one (its direct children). Always given by the core. */
  childCount: z.number().int().nonnegative().optional(),
  /** Why the file could not be decoded, or null. A damaged item is still evidence. */
  damaged: z.string().nullable(),
  /** When the evidence says it happened (capture time, e-mail date, page capture), ISO-8601 UTC. */
  eventAt: z.string().nullable(),
  /** Code of the item's category in the active scheme, or null while untriaged. */
  category: z.string().nullable(),
  severity: z.number().int().nullable(),
  tags: z.array(z.string()),
  /** A hash-list match shown for the item (the grid's badge): 'blocked' when it keeps the item veiled. */
  match: z.enum(['blocked', 'match']).optional(),
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

export const itemSchema = itemSummarySchema.extend({
  sha256: z.string(),
  sha1: z.string(),
  md5: z.string(),
  pdq: z.string().nullable(),
  pdqQuality: z.number().int().nullable(),
  /** The eight dihedral PDQ hashes (orig, rot90, rot180, rot270, flipx, flipy, flipp, flipm). */
  pdqDihedral: z.array(z.string()).nullable(),
  metadata: itemMetadataSchema.nullable(),
  /** What the extractor read beside the text (e-mail headers under `headers`, page URL, PDF metadata). */
  facts: z.record(z.string(), z.unknown()),
  /**
   * True when the item's text is behind the text gate, not revealed now: `facts` then keeps only
   * what carries no written content (counts, encoding, dates, format). Always given by the core.
   */
  gated: z.boolean().optional(),
  /** The text layer's language (ISO 639-1), or null when it has none or it is unclear. */
  language: z.string().nullable(),
  /** Video and audio facts; null for other kinds. Always given by the core. */
  media: itemMediaSchema.nullable().optional(),
  /** The item's stills in time or page order; empty for a photo. Always given by the core. */
  frames: z.array(itemFrameSchema).optional(),
  /** A video's one-frame-a-second pass (vPDQ): where it stands. Given by `items:get` for videos. */
  vpdq: vpdqStatusSchema.optional(),
  acquisitions: z.array(acquisitionSchema),
  notes: z.array(noteSchema),
  /** Seconds this item has been unveiled, by anyone, ever. */
  exposureSeconds: z.number(),
});
export type Item = z.infer<typeof itemSchema>;

/** One file's outcome in an ingest: a public interface (CLI --json, UI failure list). */
export const ingestFileResultSchema = z.object({
  path: z.string(),
  status: z.enum(['ingested', 'duplicate', 'failed', 'cancelled']),
  reason: z.string().nullable(),
  item: itemSchema.nullable(),
});
export type IngestFileResult = z.infer<typeof ingestFileResultSchema>;

export const ingestProgressSchema = z.object({
  ingestId: z.string(),
  caseId: caseIdSchema,
  done: z.number().int(),
  total: z.number().int(),
  current: z.string().nullable(),
  ingested: z.number().int(),
  duplicates: z.number().int(),
  failures: z.array(z.object({ path: z.string(), reason: z.string() })),
  finished: z.boolean(),
  cancelled: z.boolean(),
});
export type IngestProgress = z.infer<typeof ingestProgressSchema>;
