import { z } from 'zod';

export const workstationFingerprintSchema = z
  .string()
  .regex(
    /^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/,
    'not a workstation fingerprint (xxxx-xxxx-xxxx-xxxx-xxxx)',
  );

/** A colleague pinned from their workstation card: bundles from them must carry this key. */
export const colleagueSchema = z.object({
  fingerprint: z.string(),
  name: z.string(),
  /** Ed25519, base64. */
  signingKey: z.string(),
  ageRecipient: z.string(),
  addedAt: z.string(),
});
export type Colleague = z.infer<typeof colleagueSchema>;
