import type { Handlers } from '../dispatch.ts';
import { checkVault } from '../../core/vault/vault-check.ts';

type VaultHandlers = Pick<
  Handlers,
  | 'vault:status'
  | 'vault:create'
  | 'vault:unlock'
  | 'vault:lock'
  | 'vault:check'
  | 'vault:change-passphrase'
>;

export const vaultHandlers: VaultHandlers = {
  'vault:status': async (core) => ({ state: await core.state() }),
  'vault:create': async (core, { passphrase, reviewerName }) => {
    await core.create(passphrase, reviewerName);
    return { state: await core.state() };
  },
  'vault:unlock': async (core, { passphrase }) => {
    await core.unlock(passphrase);
    return { state: await core.state() };
  },
  'vault:lock': async (core) => {
    core.lock();
    return { state: await core.state() };
  },
  'vault:check': (core) => checkVault(core.vault()),
  'vault:change-passphrase': async (core, { oldPassphrase, newPassphrase }) => {
    await core.changePassphrase(oldPassphrase, newPassphrase);
    return { changed: true as const };
  },
};
