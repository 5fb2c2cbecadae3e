import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { reportMatchSchema, reportRecordSchema } from '../domain/ledger.ts';

const reportId = z.string().min(1).max(100);

export const reportChannels = {
  /** Every export ever recorded, newest first, the destroyed cases' included. */
  'reports:list': channel(noArgs, z.array(reportRecordSchema)),
  'reports:show': channel(z.strictObject({ id: reportId }), reportRecordSchema),
  /** "Was this file reported?": by MD5, SHA-1 or SHA-256 (its length says which). */
  'reports:find': channel(
    z.strictObject({ hash: z.string().trim().min(1).max(64) }),
    z.array(reportMatchSchema),
  ),
  /** Records the recipient's reference (and per-file ids); a CyberTip draft is rewritten with them. */
  'reports:set-reference': channel(
    z.strictObject({
      id: reportId,
      reference: z.string().trim().min(1).max(300),
      fileRefs: z.record(z.string().max(100), z.string().min(1).max(200)).optional(),
    }),
    reportRecordSchema,
  ),
};
