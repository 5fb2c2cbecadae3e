import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { reviewerNameSchema, workstationCardSchema } from '../domain/reviewer.ts';

export const keyChannels = {
  /** The workstation's keys: the signing key as recipients pin it, and the handoff identity. */
  'key:show': channel(
    noArgs,
    z.object({
      algorithm: z.literal('Ed25519'),
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      publicKey: z.string(),
      keyName: z.string(),
      /** The reviewer's display name; null on a vault made before names. */
      reviewer: z.string().nullable(),
      /** The age X25519 recipient colleagues encrypt handoff bundles to. */
      ageRecipient: z.string(),
      /** The one short fingerprint over both keys, to read aloud: xxxx-xxxx-xxxx-xxxx-xxxx. */
      workstationFingerprint: z.string(),
    }),
  ),
  /** The workstation card, and the same as a signed file to hand to colleagues. */
  'key:card': channel(noArgs, z.object({ card: workstationCardSchema, file: z.string() })),
  /** Changes the reviewer's display name (logged); later entries carry the new one. */
  'key:rename': channel(z.strictObject({ name: reviewerNameSchema }), workstationCardSchema),
};
