import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call } from '../command.ts';
import { hasEnvPassphrase, readPassphrase } from '../passphrase.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import { ltr } from '../cli-intl.ts';

export const init: Command = {
  path: ['init'],
  summary: defineMessage({
    id: 'cli.init.summary',
    defaultMessage: 'create a vault',
  }),
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
    const created =
      reviewerName !== undefined
        ? ctx.text.t(
            { id: 'cli.init.createdFor', defaultMessage: 'Created a vault in {dir} for {name}.' },
            { dir: ltr(ctx.core.vaultDir), name: reviewerName.trim() },
          )
        : ctx.text.t(
            { id: 'cli.init.created', defaultMessage: 'Created a vault in {dir}.' },
            { dir: ltr(ctx.core.vaultDir) },
          );
    ctx.print(created, {
      vault: ctx.core.vaultDir,
      state,
      ...(reviewerName !== undefined ? { reviewer: reviewerName.trim() } : {}),
    });
    return EXIT_OK;
  },
};
