import type { Command } from '../command.ts';
import { call } from '../command.ts';
import { hasEnvPassphrase, readPassphrase } from '../passphrase.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import { safe } from '../safe-output.ts';

export const init: Command = {
  path: ['init'],
  summary: 'create a vault',
  usage: 'custody init [--vault DIR]',
  unlock: false,
  async run(ctx) {
    const passphrase = await readPassphrase(
      { passphraseFile: ctx.passphraseFile },
      'New passphrase: ',
    );
    if (!ctx.passphraseFile && !hasEnvPassphrase()) {
      const again = await readPassphrase({}, 'Repeat passphrase: ');
      if (again !== passphrase) throw new UsageError('The passphrases differ.');
    }
    const { state } = await call(ctx, 'vault:create', { passphrase });
    ctx.print(safe`Created a vault in ${ctx.core.vaultDir}.`, { vault: ctx.core.vaultDir, state });
    return EXIT_OK;
  },
};
