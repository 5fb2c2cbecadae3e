import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, requireCase } from '../command.ts';
import { EXIT_OK } from '../exit.ts';
import { Human } from '../safe-output.ts';
import { ltr } from '../cli-intl.ts';

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
      Human.lines(
        ...groups.map((g, i) =>
          ctx.text.t(
            {
              id: 'cli.similar.group',
              defaultMessage:
                'group {n} (up to {bits, plural, one {# bit} other {# bits}} apart): {items}',
            },
            { n: i + 1, bits: g.maxDistance, items: ctx.text.join(g.itemIds.map(ltr), ' ') },
          ),
        ),
        groups.length === 0 &&
          ctx.text.t({ id: 'cli.similar.none', defaultMessage: 'No similar items.' }),
      ),
      { caseId, groups },
    );
    return EXIT_OK;
  },
};
