import { z } from 'zod';
import { channel, noArgs } from './define.ts';

const passphrase = z.string().min(1, 'the passphrase is empty').max(4096);
export const vaultStateSchema = z.enum(['absent', 'locked', 'unlocked']);
const stateResult = z.object({ state: vaultStateSchema });

/** What `vault:check` found: the database's integrity check and every blob authenticated. */
export const vaultCheckSchema = z.object({
  healthy: z.boolean(),
  database: z.object({ healthy: z.boolean(), problems: z.array(z.string()) }),
  blobs: z.object({
    checked: z.number().int().nonnegative(),
    damaged: z.array(
      z.object({
        blobId: z.string(),
        itemId: z.string().nullable(),
        caseId: z.string().nullable(),
        fileName: z.string().nullable(),
        reason: z.string(),
      }),
    ),
  }),
});
export type VaultCheck = z.infer<typeof vaultCheckSchema>;

export const vaultChannels = {
  'vault:status': channel(noArgs, stateResult),
  'vault:create': channel(z.strictObject({ passphrase }), stateResult),
  'vault:unlock': channel(z.strictObject({ passphrase }), stateResult),
  'vault:lock': channel(noArgs, stateResult),
  'vault:check': channel(noArgs, vaultCheckSchema),
  'vault:change-passphrase': channel(
    z.strictObject({ oldPassphrase: passphrase, newPassphrase: passphrase }),
    z.object({ changed: z.literal(true) }),
  ),
};
