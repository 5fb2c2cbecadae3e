import { z } from 'zod';
import { itemIdSchema } from './ids.ts';
import { caseKindSchema } from './case.ts';

/** One dated entry of an item (a chat message, an e-mail of an mbox), for the timeline. */
export const itemEventSchema = z.object({
  /** ISO-8601 UTC. */
  at: z.string(),
  who: z.string().nullable(),
  /** A one-line summary: text, never markup. */
  text: z.string(),
  /** The text layer's line it starts at (1-based), or null. */
  line: z.number().int().nullable(),
});
export type ItemEvent = z.infer<typeof itemEventSchema>;

/** An item's text layer as the text view reads it. */
export const itemTextSchema = z.object({
  itemId: itemIdSchema,
  /** UTF-8 text, in reading order; never markup to render. */
  text: z.string(),
  /** The encoding this text was decoded from (the override when one was asked for). */
  encoding: z.string().nullable(),
  /** ISO 639-1 code, or null. */
  language: z.string().nullable(),
  /** What detection chose at ingest. */
  detectedEncoding: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()),
  /** Links found in the content, as text: never followed. */
  links: z.array(z.string()),
  events: z.array(itemEventSchema),
});
export type ItemText = z.infer<typeof itemTextSchema>;

/** Whether an item's text is behind a step (the case kind that puts it there) and open now. */
export const textGateStateSchema = z.object({
  itemId: itemIdSchema,
  gatedBy: caseKindSchema.nullable(),
  open: z.boolean(),
});
export type TextGateState = z.infer<typeof textGateStateSchema>;

/** Where a search word was found. */
export const searchFields = ['name', 'text', 'header', 'note', 'tag', 'hash'] as const;
export const searchFieldSchema = z.enum(searchFields);
export type SearchField = z.infer<typeof searchFieldSchema>;

export const searchHitSchema = z.object({
  itemId: itemIdSchema,
  field: searchFieldSchema,
  /** The text layer's line (1-based) for a 'text' hit, else null. */
  line: z.number().int().nullable(),
  /** The matching line as written (a header, a name, a note); text, never markup. */
  snippet: z.string(),
  /** [start, end) UTF-16 offsets into `snippet` of each matched word. */
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** True when the line is behind the text gate, not revealed now: `snippet` is empty, no marks. */
  gated: z.boolean(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** A case's events in time order across kinds; an item's own event time is one entry. */
export const timelineEntrySchema = z.object({
  itemId: itemIdSchema,
  at: z.string(),
  /** 'item': the item's own event time (capture, e-mail date); 'event': an entry inside it. */
  source: z.enum(['item', 'event']),
  who: z.string().nullable(),
  text: z.string(),
  line: z.number().int().nullable(),
  /** True when the entry's words are behind the text gate, not revealed now: `text` empty, `who` null. */
  gated: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
