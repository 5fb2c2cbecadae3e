import type { Handlers } from '../dispatch.ts';
import { workstationKey } from '../../core/custody/signing-key.ts';
import { keyName } from '../../core/custody/custody-log.ts';

export const keyHandlers: Pick<Handlers, 'key:show'> = {
  'key:show': (core) => {
    const vault = core.vault();
    const key = workstationKey(vault);
    return {
      algorithm: 'Ed25519' as const,
      fingerprint: key.fingerprint,
      publicKey: key.publicKey.toString('base64'),
      keyName: keyName(vault.vaultId),
    };
  },
};
