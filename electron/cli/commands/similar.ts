import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, requireCase } from '../command.ts';
import { EXIT_OK } from '../exit.ts';
import { safe } from '../safe-output.ts';

export const similar: Command = {
  path: ['similar'],
  summary: defineMessage({
    id: 'cli.similar.summary',
    defaultMessage: 'groups of near-duplicate items in a case (PDQ within 31)',
  }),
  usage: 'custody similar --case ID',
  options: { case: { type: 'string' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v) {
    const caseId = requireCase(v, this.usage);
    const groups = await call(ctx, 'hashlists:similar', { caseId });
    ctx.print(
      groups.length
        ? groups
            .map(
              (g, i) =>
                safe`group ${i + 1} (up to ${g.maxDistance} bits apart): ${g.itemIds.join(' ')}`,
            )
            .join('\n')
        : 'No similar items.',
      { caseId, groups },
    );
    return EXIT_OK;
  },
};
