import { defineMessage } from '@formatjs/intl';
// `custody vault check`: is anything in the vault damaged, and which evidence does it touch?
// Exit 0 healthy, 1 damaged. Changes nothing, not even the custody log.
import type { Command } from '../command.ts';
import { viaCore } from '../command.ts';
import { EXIT_NO, EXIT_OK } from '../exit.ts';
import { readPassphrase } from '../passphrase.ts';
import { checkVaultAt, type VaultCheck } from '../../core/vault/vault-check.ts';
import { Human } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';

function report(text: CliText, r: VaultCheck): Human {
  return Human.lines(
    r.healthy
      ? text.t({
          id: 'cli.vault.check.healthy',
          defaultMessage: 'HEALTHY: the database and every blob pass their checks.',
        })
      : text.t({ id: 'cli.vault.check.damaged', defaultMessage: 'DAMAGED' }),
    text.t(
      {
        id: 'cli.vault.check.database',
        defaultMessage: 'Database: {healthy, select, yes {ok} other {DAMAGED}}',
      },
      { healthy: key(r.database.healthy) },
    ),
    ...r.database.problems.map((p) =>
      text.t({ id: 'cli.vault.check.problem', defaultMessage: '  {problem}' }, { problem: p }),
    ),
    text.t(
      {
        id: 'cli.vault.check.blobs',
        defaultMessage:
          'Blobs: {checked, plural, one {# checked} other {# checked}}, {damaged, plural, one {# damaged} other {# damaged}}',
      },
      { checked: r.blobs.checked, damaged: r.blobs.damaged.length },
    ),
    ...r.blobs.damaged.map((d) =>
      text.t(
        {
          id: 'cli.vault.check.blob',
          defaultMessage: '  blob {blob}: item {item} ({name}) in case {case}: {reason}',
        },
        {
          blob: ltr(d.blobId),
          item: ltr(d.itemId ?? '?'),
          name: JSON.stringify(d.fileName ?? '?'),
          case: ltr(d.caseId ?? '?'),
          reason: d.reason,
        },
      ),
    ),
  );
}

export const vaultCheck: Command = {
  path: ['vault', 'check'],
  summary: defineMessage({
    id: 'cli.vault.check.summary',
    defaultMessage: "check the database's integrity and authenticate every blob",
  }),
  usage: 'custody vault check [--json]',
  // Opened by checkVaultAt itself, with a shared lock and without a custody entry.
  unlock: false,
  readOnly: true,
  async run(ctx) {
    const passphrase = await readPassphrase({ passphraseFile: ctx.passphraseFile }, 'Passphrase: ');
    const result = await viaCore(() => checkVaultAt(ctx.core.vaultDir, passphrase, 'cli'));
    ctx.print(report(ctx.text, result), result);
    return result.healthy ? EXIT_OK : EXIT_NO;
  },
};
