import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, requireCase } from '../command.ts';
import { usageOf, EXIT_OK } from '../exit.ts';
import { Human } from '../safe-output.ts';
import { ltr } from '../cli-intl.ts';

export const search: Command = {
  path: ['search'],
  summary: defineMessage({
    id: 'cli.search.summary',
    defaultMessage: 'find words in a case: names, text, headers, notes, tags, hash prefixes',
  }),
  usage: 'custody search --case ID QUERY',
  options: { case: { type: 'string' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v, pos) {
    const caseId = requireCase(v, this.usage);
    const query = pos.join(' ').trim();
    if (query === '') throw usageOf(this.usage);
    const { hits } = await call(ctx, 'search:query', { caseId, query });
    ctx.print(
      Human.lines(
        ...hits.map((h) =>
          ctx.text.t(
            { id: 'cli.search.hit', defaultMessage: '{id}  {where}  {snippet}' },
            {
              id: ltr(h.itemId),
              where: ltr(h.line === null ? h.field : `${h.field}:${h.line}`),
              // A line behind the text gate is answered without its words: say so, calmly.
              snippet: h.gated
                ? ctx.text.t({
                    id: 'cli.search.gated',
                    defaultMessage: '(behind a step: custody item text ID --reveal to read it)',
                  })
                : h.snippet,
            },
          ),
        ),
        hits.length === 0 && ctx.text.t({ id: 'cli.search.none', defaultMessage: 'No matches.' }),
      ),
      { caseId, query, hits },
    );
    return EXIT_OK;
  },
};
