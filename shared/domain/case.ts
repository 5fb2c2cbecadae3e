import { z } from 'zod';
import { caseIdSchema } from './ids.ts';

export const caseKinds = [
  'child-safety',
  'terrorism',
  'threat-of-violence',
  'self-harm',
  'harassment',
  'disinformation',
  'doxxing',
  'other',
] as const;
export const caseKindSchema = z.enum(caseKinds);
export type CaseKind = z.infer<typeof caseKindSchema>;

export const caseKindLabels: Record<CaseKind, string> = {
  'child-safety': 'Child safety',
  terrorism: 'Terrorism / violent extremism',
  'threat-of-violence': 'Threat of violence',
  'self-harm': 'Self-harm',
  harassment: 'Harassment',
  disinformation: 'Disinformation',
  doxxing: 'Doxxing',
  other: 'Other',
};

/** BCP 47 language tags, e.g. ar, fa, ru, en. */
const languageSchema = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'not a language tag');
const text = (max: number) => z.string().max(max);

export const caseFieldsSchema = z.object({
  title: z.string().trim().min(1, 'a case needs a title').max(300),
  kind: caseKindSchema,
  emergency: z.boolean().default(false),
  languages: z.array(languageSchema).max(20).default([]),
  externalRefs: z.array(text(2000)).max(200).default([]),
  notes: text(100_000).default(''),
});
export type CaseFields = z.input<typeof caseFieldsSchema>;

export const caseUpdateSchema = z.object({
  id: caseIdSchema,
  title: caseFieldsSchema.shape.title.optional(),
  kind: caseKindSchema.optional(),
  emergency: z.boolean().optional(),
  languages: z.array(languageSchema).max(20).optional(),
  externalRefs: z.array(text(2000)).max(200).optional(),
  notes: text(100_000).optional(),
});
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;

export const caseStatusSchema = z.enum(['open', 'closed']);

export const caseSchema = z.object({
  id: caseIdSchema,
  title: z.string(),
  kind: caseKindSchema,
  emergency: z.boolean(),
  status: caseStatusSchema,
  languages: z.array(z.string()),
  externalRefs: z.array(z.string()),
  notes: z.string(),
  itemCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Case = z.infer<typeof caseSchema>;
