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
const isoTime = z.iso.datetime({ offset: true });

/** What a reported account's IP address was seen doing (the CyberTipline's event names). */
export const ipEventNames = [
  'Login',
  'Registration',
  'Purchase',
  'Upload',
  'Other',
  'Unknown',
] as const;

export const ipCaptureSchema = z.strictObject({
  ipAddress: z.union([z.ipv4(), z.ipv6()]),
  eventName: z.enum(ipEventNames).optional(),
  at: isoTime.optional(),
  port: z.number().int().min(0).max(65_535).optional(),
  possibleProxy: z.boolean().optional(),
});
export type IpCapture = z.infer<typeof ipCaptureSchema>;

/** An account the case reports, as the service that hosted it knows it. */
export const reportedAccountSchema = z
  .strictObject({
    screenName: text(300).optional(),
    displayName: text(300).optional(),
    profileUrl: z.url().max(2083).optional(),
    /** The account's id in the reporting service's own system. */
    espIdentifier: text(300).optional(),
    ipCaptures: z.array(ipCaptureSchema).max(200).default([]),
  })
  .refine(
    (a) => a.screenName || a.displayName || a.profileUrl || a.espIdentifier,
    'a reported account needs a screen name, display name, profile URL or service id',
  );
export type ReportedAccount = z.infer<typeof reportedAccountSchema>;

/** Where the incident happened: a web page (URL), an e-mail (address) or a chat (service or room). */
export const incidentKinds = ['web-page', 'email', 'chat'] as const;
export const incidentRefSchema = z.strictObject({
  kind: z.enum(incidentKinds),
  /** The URL for a web page, the address for an e-mail, the service or room for a chat. */
  value: z.string().trim().min(1).max(2083),
  at: isoTime.optional(),
});
export type IncidentRef = z.infer<typeof incidentRefSchema>;

export const caseFieldsSchema = z.object({
  title: z.string().trim().min(1, 'a case needs a title').max(300),
  kind: caseKindSchema,
  emergency: z.boolean().default(false),
  languages: z.array(languageSchema).max(20).default([]),
  externalRefs: z.array(text(2000)).max(200).default([]),
  notes: text(100_000).default(''),
  reportedAccounts: z.array(reportedAccountSchema).max(100).default([]),
  incidents: z.array(incidentRefSchema).max(500).default([]),
  /** When the incident happened, as far as is known (ISO 8601 with offset). */
  incidentAt: isoTime.nullable().default(null),
});
export type CaseFields = z.input<typeof caseFieldsSchema>;
/** The fields after validation, every default filled in. */
export type ValidCaseFields = z.output<typeof caseFieldsSchema>;

export const caseUpdateSchema = z.object({
  id: caseIdSchema,
  title: caseFieldsSchema.shape.title.optional(),
  kind: caseKindSchema.optional(),
  emergency: z.boolean().optional(),
  languages: z.array(languageSchema).max(20).optional(),
  externalRefs: z.array(text(2000)).max(200).optional(),
  notes: text(100_000).optional(),
  reportedAccounts: z.array(reportedAccountSchema).max(100).optional(),
  incidents: z.array(incidentRefSchema).max(500).optional(),
  incidentAt: isoTime.nullable().optional(),
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
  reportedAccounts: z.array(reportedAccountSchema),
  incidents: z.array(incidentRefSchema),
  incidentAt: z.string().nullable(),
  itemCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Case = z.infer<typeof caseSchema>;
