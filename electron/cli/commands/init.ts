import type { Command } from '../command.ts';
import { call } from '../command.ts';
import { hasEnvPassphrase, readPassphrase } from '../passphrase.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import { safe } from '../safe-output.ts';

export const init: Command = {
  path: ['init'],
  summary: 'create a vault',
  usage: 'custody init [--name NAME] [--vault DIR]',
  options: { name: { type: 'string' } },
  unlock: false,
  async run(ctx, v) {
    const reviewerName = typeof v['name'] === 'string' ? v['name'] : undefined;
    const passphrase = await readPassphrase(
      { passphraseFile: ctx.passphraseFile },
      'New passphrase: ',
    );
    if (!ctx.passphraseFile && !hasEnvPassphrase()) {
      const again = await readPassphrase({}, 'Repeat passphrase: ');
      if (again !== passphrase) throw new UsageError('The passphrases differ.');
    }
    const { state } = await call(ctx, 'vault:create', {
      passphrase,
      ...(reviewerName !== undefined ? { reviewerName } : {}),
    });
    const who = reviewerName !== undefined ? safe` for ${reviewerName.trim()}` : '';
    ctx.print(safe`Created a vault in ${ctx.core.vaultDir}` + `${who}.`, {
      vault: ctx.core.vaultDir,
      state,
      ...(reviewerName !== undefined ? { reviewer: reviewerName.trim() } : {}),
    });
    return EXIT_OK;
  },
};
