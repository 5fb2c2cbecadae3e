import { defineMessage } from '@formatjs/intl';
// `custody log verify`: the custody log end to end: every entry's hash, the chain, and the log
// against its latest signed checkpoint. Exit 1 names the first entry found changed or missing.
import { viaCore, type Command } from '../command.ts';
import { EXIT_OK, EXIT_NO } from '../exit.ts';
import { verifyLog } from '../../core/custody/custody-log.ts';
import { key, ltr } from '../cli-intl.ts';

export const logVerify: Command = {
  path: ['log', 'verify'],
  summary: defineMessage({
    id: 'cli.log.verify.summary',
    defaultMessage: 'check the custody log end to end and name the first problem',
  }),
  usage: 'custody log verify [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const verdict = await viaCore(() => verifyLog(ctx.core.vault()));
    const cp = verdict.checkpoint;
    const human = verdict.ok
      ? ctx.text.t(
          {
            id: 'cli.log.ok',
            defaultMessage:
              'OK: {entries, plural, one {# entry} other {# entries}}, chain intact, {checkpoint, select, none {no signed checkpoint yet} other {matching the signed checkpoint of {size, plural, one {# entry} other {# entries}} (root {root})}}.',
          },
          {
            entries: verdict.entries,
            checkpoint: key(cp ? 'signed' : 'none'),
            size: cp?.treeSize ?? 0,
            root: ltr(cp?.root ?? ''),
          },
        )
      : ctx.text.t(
          {
            id: 'cli.log.problem',
            defaultMessage: 'PROBLEM at entry {seq} ({kind}): {message}',
          },
          {
            seq: ltr(verdict.problem?.seq ?? '?'),
            kind: ltr(verdict.problem?.kind ?? '?'),
            message: verdict.problem?.message ?? '',
          },
        );
    ctx.print(human, verdict);
    return verdict.ok ? EXIT_OK : EXIT_NO;
  },
};
