// `custody vault check`: is anything in the vault damaged, and which evidence does it touch?
// Exit 0 healthy, 1 damaged. Changes nothing, not even the custody log.
import type { Command } from '../command.ts';
import { viaCore } from '../command.ts';
import { EXIT_NO, EXIT_OK } from '../exit.ts';
import { readPassphrase } from '../passphrase.ts';
import { checkVaultAt, type VaultCheck } from '../../core/vault/vault-check.ts';

function report(r: VaultCheck): string {
  const lines = [
    r.healthy ? 'HEALTHY: the database and every blob pass their checks.' : 'DAMAGED',
    `Database: ${r.database.healthy ? 'ok' : 'DAMAGED'}`,
    ...r.database.problems.map((p) => `  ${p}`),
    `Blobs: ${r.blobs.checked} checked, ${r.blobs.damaged.length} damaged`,
    ...r.blobs.damaged.map(
      (d) =>
        `  blob ${d.blobId}: item ${d.itemId ?? '?'} (${JSON.stringify(d.fileName ?? '?')}) in case ${d.caseId ?? '?'}: ${d.reason}`,
    ),
  ];
  return lines.join('\n');
}

export const vaultCheck: Command = {
  path: ['vault', 'check'],
  summary: "check the database's integrity and authenticate every blob",
  usage: 'custody vault check [--json]',
  // Opened by checkVaultAt itself, with a shared lock and without a custody entry.
  unlock: false,
  readOnly: true,
  async run(ctx) {
    const passphrase = await readPassphrase({ passphraseFile: ctx.passphraseFile }, 'Passphrase: ');
    const result = await viaCore(() => checkVaultAt(ctx.core.vaultDir, passphrase, 'cli'));
    ctx.print(report(result), result);
    return result.healthy ? EXIT_OK : EXIT_NO;
  },
};
