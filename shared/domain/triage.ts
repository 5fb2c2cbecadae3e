import { z } from 'zod';

/** The default category scheme: the harms a case can be about, plus "not actionable". */
export const defaultCategories = [
  { code: 'child-safety', label: 'Child safety' },
  { code: 'terrorism', label: 'Terrorism / violent extremism' },
  { code: 'threat-of-violence', label: 'Threat of violence' },
  { code: 'self-harm', label: 'Self-harm' },
  { code: 'harassment', label: 'Harassment' },
  { code: 'disinformation', label: 'Disinformation' },
  { code: 'doxxing', label: 'Doxxing' },
  { code: 'other', label: 'Other harm' },
  { code: 'not-actionable', label: 'Not actionable' },
] as const;

export const categorySchema = z.object({
  id: z.string(),
  scheme: z.string(),
  code: z.string(),
  label: z.string(),
  /** 1-based; the number key that assigns it. */
  position: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const severitySchema = z.number().int().min(1).max(5);
export const severityLabels = ['', 'Low', 'Moderate', 'Serious', 'Severe', 'Critical'] as const;

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\n\r\t]+$/, 'a tag is one line');

export const noteSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  itemId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export const exposureSchema = z.object({
  todaySeconds: z.number(),
  todayItems: z.number().int(),
  sessionSeconds: z.number(),
  sessionItems: z.number().int(),
  /** The item unveiled right now, if any. */
  current: z
    .object({ itemId: z.string(), step: z.string(), since: z.number(), until: z.number() })
    .nullable(),
});
export type Exposure = z.infer<typeof exposureSchema>;

/** What one undo put back: the field, the custody entry it reverted, and the value restored. */
export const triageUndoneSchema = z.discriminatedUnion('field', [
  z.object({
    field: z.literal('category'),
    entry: z.number().int(),
    restored: z.string().nullable(),
  }),
  z.object({
    field: z.literal('severity'),
    entry: z.number().int(),
    restored: z.number().nullable(),
  }),
  z.object({
    field: z.literal('tag'),
    entry: z.number().int(),
    tag: z.string(),
    /** Whether the tag is on the item again (an added tag was removed, or a removed one added). */
    restored: z.boolean(),
  }),
]);
export type TriageUndone = z.infer<typeof triageUndoneSchema>;

/** An item's triage after an undo; `undone` is null when there was nothing left to undo. */
export const triageUndoSchema = z.object({
  itemId: z.string(),
  category: z.string().nullable(),
  severity: z.number().nullable(),
  tags: z.array(z.string()),
  undone: triageUndoneSchema.nullable(),
});
export type TriageUndo = z.infer<typeof triageUndoSchema>;
