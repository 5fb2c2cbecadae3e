import { z } from 'zod';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/** A custody log entry as it leaves the vault (IPC history, packet manifests). */
export const custodyEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  /** The reviewer's display name and workstation fingerprint; absent on entries older than both. */
  reviewer: z.string().optional(),
  workstation: z.string().optional(),
  action: z.string(),
  caseId: z.string().nullable(),
  itemId: z.string().nullable(),
  // Canonical JSON values; re-hashed by the verifier, so their shape is checked by the hash.
  details: z.record(z.string(), z.json()),
  /** Hex SHA-256 of the previous entry's bytes; 64 zeros for the first. */
  prev: hex(32),
  /** Hex SHA-256 of this entry's bytes (electron/core/custody/entry.ts). */
  hash: hex(32),
});
