// One custody entry and the bytes that are hashed: canonical JSON of every field but its own hash.
// entry hash = SHA-256(bytes), chaining through `prev`; Merkle leaf = SHA-256(0x00 ‖ bytes).
// Kept free of app imports (the schema is a pure shared module) so the packet verifier can use it unchanged. Format: docs/formats/custody-log.md.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { custodyEntrySchema } from '../../../shared/domain/custody.ts';
import { canonicalJson } from './canonical.ts';

export const GENESIS_PREV = '0'.repeat(64);

/** One definition: the shared schema (what IPC and packet manifests carry) gives the type. */
export type CustodyEntry = z.infer<typeof custodyEntrySchema>;

export function entryBytes(e: Omit<CustodyEntry, 'hash'>): Buffer {
  // Who acted is hashed only when recorded, so entries from before reviewers hash as they did.
  const who = {
    ...(e.reviewer !== undefined ? { reviewer: e.reviewer } : {}),
    ...(e.workstation !== undefined ? { workstation: e.workstation } : {}),
  };
  return Buffer.from(
    canonicalJson({
      v: 1,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      ...who,
      action: e.action,
      caseId: e.caseId,
      itemId: e.itemId,
      details: e.details,
      prev: e.prev,
    }),
    'utf8',
  );
}

export const entryHash = (e: Omit<CustodyEntry, 'hash'>): string =>
  createHash('sha256').update(entryBytes(e)).digest('hex');
