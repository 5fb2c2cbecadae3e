// `custody log verify`: the custody log end to end: every entry's hash, the chain, and the log
// against its latest signed checkpoint. Exit 1 names the first entry found changed or missing.
import { viaCore, type Command } from '../command.ts';
import { EXIT_OK, EXIT_NO } from '../exit.ts';
import { verifyLog } from '../../core/custody/custody-log.ts';
import { safe } from '../safe-output.ts';

export const logVerify: Command = {
  path: ['log', 'verify'],
  summary: 'check the custody log end to end and name the first problem',
  usage: 'custody log verify [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const verdict = await viaCore(() => verifyLog(ctx.core.vault()));
    const cp = verdict.checkpoint;
    const human = verdict.ok
      ? `OK: ${verdict.entries} entries, chain intact${cp ? `, matching the signed checkpoint of ${cp.treeSize} entries (root ${cp.root})` : ', no signed checkpoint yet'}.`
      : safe`PROBLEM at entry ${verdict.problem?.seq ?? '?'} (${verdict.problem?.kind ?? '?'}): ${verdict.problem?.message ?? ''}`;
    ctx.print(human, verdict);
    return verdict.ok ? EXIT_OK : EXIT_NO;
  },
};
