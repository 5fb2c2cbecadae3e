import { z } from 'zod';
import { isUnsafeChar } from './unsafe-text.ts';

/**
 * The reviewer's display name, as custody entries and workstation cards carry it: one line of
 * readable text (no control, bidi or line-separator character, which would let a card forge lines).
 */
export const reviewerNameSchema = z
  .string()
  .trim()
  .min(1, 'the name is empty')
  .max(100, 'the name is longer than 100 characters')
  .refine((s) => ![...s].some(isUnsafeChar), 'the name holds a control or direction character');

/** A workstation card as the UI and the CLI show it (docs/formats/handoff.md). */
export const workstationCardSchema = z.object({
  name: z.string(),
  /** Ed25519, base64 of the raw 32 bytes. */
  signingKey: z.string(),
  /** age X25519 recipient, age1…. */
  ageRecipient: z.string(),
  /** Five groups of four hex digits over both keys: what people compare. */
  fingerprint: z.string(),
});
export type WorkstationCard = z.infer<typeof workstationCardSchema>;
