import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { vaultCheckSchema } from '../domain/vault.ts';
import { reviewerNameSchema } from '../domain/reviewer.ts';

export { vaultCheckSchema, type VaultCheck } from '../domain/vault.ts';

const passphrase = z.string().min(1, 'the passphrase is empty').max(4096);
export const vaultStateSchema = z.enum(['absent', 'locked', 'unlocked']);
const stateResult = z.object({ state: vaultStateSchema });

export const vaultChannels = {
  'vault:status': channel(noArgs, stateResult),
  'vault:create': channel(
    z.strictObject({ passphrase, reviewerName: reviewerNameSchema.optional() }),
    stateResult,
  ),
  'vault:unlock': channel(z.strictObject({ passphrase }), stateResult),
  'vault:lock': channel(noArgs, stateResult),
  'vault:check': channel(noArgs, vaultCheckSchema),
  'vault:change-passphrase': channel(
    z.strictObject({ oldPassphrase: passphrase, newPassphrase: passphrase }),
    z.object({ changed: z.literal(true) }),
  ),
};
