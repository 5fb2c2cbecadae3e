import { z } from 'zod';
import { channel } from './define.ts';
import { caseIdSchema, itemIdSchema } from '../domain/ids.ts';
import { pathHandleSchema } from '../domain/path-grant.ts';
import { caseSchema } from '../domain/case.ts';
import { custodyEntrySchema } from '../domain/custody.ts';
import { workstationFingerprintSchema } from '../domain/colleague.ts';

const party = z.object({ name: z.string(), fingerprint: z.string() });
const checkpoint = z.object({ treeSize: z.number().int(), root: z.string() });
const caseRef = z.strictObject({ caseId: caseIdSchema });

export const conflictSchema = z.object({
  id: z.number().int(),
  itemId: itemIdSchema.nullable(),
  field: z.string(),
  ours: z.json(),
  theirs: z.json(),
  colleague: workstationFingerprintSchema,
});

export const handoffStatusSchema = z.object({
  state: z.enum(['here', 'with-colleague', 'taken-back']),
  colleague: party.nullable(),
  since: z.string().nullable(),
});

export const handoffChannels = {
  /**
   * Sends the case to a pinned colleague (by fingerprint or unique name); `out` is a handle from
   * packets:pick-out, the same save dialog packets use. The case becomes read-only here.
   */
  'handoff:send': channel(
    z.strictObject({ caseId: caseIdSchema, to: z.string().min(1).max(200), out: pathHandleSchema }),
    z.object({
      caseId: z.string(),
      out: z.string(),
      bytes: z.number().int(),
      bundleSha256: z.string(),
      to: party,
      sentAt: z.string(),
      items: z.number().int(),
      entries: z.number().int(),
      checkpoint,
    }),
  ),
  /**
   * Receives a bundle chosen with packets:pick-verify ({ what: 'packet' }), or dropped on the
   * window (`dropped`: the handle is a drop's, which main grants as for evidence).
   */
  'handoff:receive': channel(
    z.strictObject({ bundle: pathHandleSchema, dropped: z.boolean().default(false) }),
    z.object({
      caseId: z.string(),
      mode: z.enum(['new', 'returned']),
      from: party,
      bundleSha256: z.string(),
      itemsAdded: z.number().int(),
      notesAdded: z.number().int(),
      conflicts: z.number().int(),
      entries: z.number().int(),
      checkpoint,
      case: caseSchema,
    }),
  ),
  /** Whether the case is here, with a colleague (read-only) or taken back. */
  'handoff:status': channel(caseRef, handoffStatusSchema),
  /** Another workstation's entries about the case, each re-verified against its signed checkpoint. */
  'handoff:history': channel(
    caseRef,
    z.array(z.object({ from: party, entry: custodyEntrySchema, verified: z.boolean() })),
  ),
  /**
   * What came back changed on both sides, differently, for the reviewer to decide: an item's
   * category (`category`) or label in another scheme (`label:<scheme>`), or a case field.
   */
  'handoff:conflicts': channel(caseRef, z.array(conflictSchema)),
  /** Decides one conflict: keep this side's value or take the colleague's (logged). */
  'handoff:resolve': channel(
    z.strictObject({
      caseId: caseIdSchema,
      conflict: z.number().int().positive(),
      keep: z.enum(['mine', 'theirs']),
    }),
    z.array(conflictSchema),
  ),
  /** The logged override for a colleague who cannot send the case back. */
  'handoff:take-back': channel(
    z.strictObject({ caseId: caseIdSchema, reason: z.string().trim().min(10).max(2000) }),
    handoffStatusSchema,
  ),
};
