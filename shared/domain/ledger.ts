import { z } from 'zod';

/** What an export was: a packet, a CyberTipline draft, a VICS file or a CASE/UCO document. */
export const reportKinds = ['packet', 'ncmec', 'vics', 'case-uco'] as const;
export const reportKindSchema = z.enum(reportKinds);
export type ReportKind = z.infer<typeof reportKindSchema>;

/** One evidence file as the ledger keeps it: ids and hashes, never a name or a byte of content. */
export const reportFileSchema = z.object({
  itemId: z.string(),
  md5: z.string(),
  sha1: z.string(),
  sha256: z.string(),
  pdq: z.string().nullable(),
  /** The recipient's own id for the file (a CyberTipline fileId), once recorded. */
  fileRef: z.string().nullable(),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

/** A file the export wrote, with its SHA-256 as written (a draft rewritten later gets a new one). */
export const reportOutputSchema = z.object({ name: z.string(), sha256: z.string() });

export const reportRecordSchema = z.object({
  id: z.string(),
  kind: reportKindSchema,
  caseId: z.string(),
  recipient: z.string(),
  createdAt: z.string(),
  actor: z.string(),
  /** Where it was written: a file, or the folder of a CyberTipline draft. */
  out: z.string(),
  outputs: z.array(reportOutputSchema),
  /** The recipient's reference number (a CyberTip report id, a police case number), once it came back. */
  reference: z.string().nullable(),
  referencedAt: z.string().nullable(),
  files: z.array(reportFileSchema),
});
export type ReportRecord = z.infer<typeof reportRecordSchema>;

/** One answer to "was this file reported?": the report, and the file in it that has the hash. */
export const reportMatchSchema = z.object({
  hashType: z.enum(['md5', 'sha1', 'sha256']),
  report: reportRecordSchema.omit({ files: true }),
  file: reportFileSchema,
});
export type ReportMatch = z.infer<typeof reportMatchSchema>;

/** A hash as typed: hex, any case, its length naming the algorithm. */
export function hashTypeOf(hash: string): 'md5' | 'sha1' | 'sha256' | null {
  if (!/^[0-9a-fA-F]+$/.test(hash)) return null;
  return hash.length === 32
    ? 'md5'
    : hash.length === 40
      ? 'sha1'
      : hash.length === 64
        ? 'sha256'
        : null;
}
