import { z } from 'zod';
import { channel, noArgs } from './define.ts';

export const keyChannels = {
  /** The workstation's signing key, as recipients pin it. */
  'key:show': channel(
    noArgs,
    z.object({
      algorithm: z.literal('Ed25519'),
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      publicKey: z.string(),
      keyName: z.string(),
    }),
  ),
};
