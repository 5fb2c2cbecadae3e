import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, requireCase } from '../command.ts';
import { EXIT_OK } from '../exit.ts';
import { safe } from '../safe-output.ts';

export const match: Command = {
  path: ['match'],
  summary: defineMessage({
    id: 'cli.match.summary',
    defaultMessage: "a case's items that match the loaded hash lists",
  }),
  usage: 'custody match --case ID',
  options: { case: { type: 'string' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v) {
    const caseId = requireCase(v, this.usage);
    const matches = await call(ctx, 'hashlists:matches', { caseId });
    ctx.print(
      matches.length
        ? matches
            .map(
              (m) =>
                safe`${m.itemId}  ${m.listName} v${m.listVersion}  ${m.hashType}  distance ${m.distance}${m.variant ? `  ${m.variant}` : ''}${m.knownIllegal ? '  KNOWN ILLEGAL' : ''}  ${m.status}  (match ${m.id})`,
            )
            .join('\n')
        : 'No matches.',
      { caseId, matches },
    );
    return EXIT_OK;
  },
};
