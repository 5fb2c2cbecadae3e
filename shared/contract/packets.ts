import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { pathGrantSchema, pathHandleSchema } from '../domain/path-grant.ts';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const packetProgressSchema = z.object({
  phase: z.enum(['collecting', 'report', 'writing', 'done']),
  bytesDone: z.number().int().nonnegative(),
  bytesTotal: z.number().int().nonnegative(),
});
export type PacketProgressEvent = z.infer<typeof packetProgressSchema>;

export const packetRecipientSchema = z.union([
  z.strictObject({ ageRecipient: z.string().min(1).max(2000) }),
  z.strictObject({ passphrase: z.string().min(1).max(1000) }),
]);

export const builtPacketSchema = z.object({
  packetId: z.string(),
  /** Where it was written, to show. */
  out: z.string(),
  bytes: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
  originals: z.number().int().nonnegative(),
  encrypted: z.enum(['none', 'age-recipient', 'age-passphrase']),
  fingerprint: hex64,
  checkpoint: z.object({ treeSize: z.number().int().nonnegative(), root: hex64 }),
});

export const verdictSchema = z.object({
  valid: z.boolean(),
  keyPinned: z.boolean(),
  fingerprint: hex64.nullable(),
  packetId: z.string().nullable(),
  problems: z.array(
    z.object({ code: z.string(), message: z.string(), path: z.string().optional() }),
  ),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      sha256: z.string(),
      status: z.enum(['ok', 'hashes-only', 'missing', 'altered', 'unreadable']),
    }),
  ),
});

const fingerprint = z.string().regex(/^[0-9a-fA-F:\s]{64,200}$/, 'not a key fingerprint');

export const packetChannels = {
  /**
   * The platform's save dialog for a packet, opening on the suggested name in the default folder
   * (the user's Documents); null when cancelled.
   */
  'packets:pick-out': channel(
    z.strictObject({ suggestedName: z.string().min(1).max(255) }),
    z.object({ target: pathGrantSchema.nullable() }),
  ),
  /**
   * Builds a packet where the save dialog said (`out` is its handle); with a recipient the name
   * ends in .age.
   */
  'packets:build': channel(
    z.strictObject({
      caseId: caseIdSchema,
      itemIds: z.array(itemIdSchema).min(1).max(100_000).optional(),
      out: pathHandleSchema,
      agency: z.string().max(300).optional(),
      reference: z.string().max(300).optional(),
      includeOriginals: z.boolean().default(true),
      includeThumbnails: z.boolean().default(false),
      includeNotes: z.boolean().default(true),
      /** Also the original of the item each chosen child came out of (an archive, an e-mail). */
      includeParents: z.boolean().default(false),
      recipient: packetRecipientSchema.optional(),
      /** The report's language: en (default), ar, fa or ru. */
      reportLang: z.enum(['en', 'ar', 'fa', 'ru']).optional(),
    }),
    builtPacketSchema,
  ),
  /** The platform's open dialog for a packet to verify, or the age identity file that opens it. */
  'packets:pick-verify': channel(
    z.strictObject({ what: z.enum(['packet', 'identity']) }),
    z.object({ file: pathGrantSchema.nullable() }),
  ),
  /** Verifies a packet chosen with packets:pick-verify (handles for the packet and identity). */
  'packets:verify': channel(
    z.strictObject({
      packet: pathHandleSchema,
      key: fingerprint.optional(),
      identity: pathHandleSchema.optional(),
      passphrase: z.string().min(1).max(1000).optional(),
    }),
    verdictSchema,
  ),
};
