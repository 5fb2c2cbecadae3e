import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { pathGrantSchema, pathHandleSchema } from '../domain/path-grant.ts';
import { reporterProfileSchema } from '../domain/reporter.ts';
import { reportKindSchema } from '../domain/ledger.ts';

export const exportResultSchema = z.object({
  /** The ledger's id for this export: `custody report show ID`. */
  reportId: z.string(),
  kind: reportKindSchema,
  out: z.string(),
  files: z.array(z.string()),
  items: z.number().int().nonnegative(),
});

const exportRequest = {
  caseId: caseIdSchema,
  itemIds: z.array(itemIdSchema).min(1).max(100_000).optional(),
  /** Where the save dialog said (a handle); a CyberTip draft is a new folder there. */
  out: pathHandleSchema,
};

export const exportChannels = {
  'exports:reporter-get': channel(noArgs, z.object({ profile: reporterProfileSchema.nullable() })),
  'exports:reporter-set': channel(reporterProfileSchema, reporterProfileSchema),
  /** The open dialog for the organisation's copy of NCMEC's XSD; null when cancelled. */
  'exports:pick-xsd': channel(noArgs, z.object({ file: pathGrantSchema.nullable() })),
  'exports:ncmec': channel(
    z.strictObject({
      ...exportRequest,
      incidentType: z.string().max(200).optional(),
      /** A handle from exports:pick-xsd: every document is validated against it before writing. */
      xsd: pathHandleSchema.optional(),
    }),
    exportResultSchema,
  ),
  'exports:vics': channel(
    z.strictObject({
      ...exportRequest,
      version: z.enum(['2.0', '1.3']).optional(),
      recipient: z.string().trim().min(1).max(300).optional(),
    }),
    exportResultSchema,
  ),
  'exports:case-uco': channel(
    z.strictObject({ ...exportRequest, recipient: z.string().trim().min(1).max(300).optional() }),
    exportResultSchema,
  ),
};
