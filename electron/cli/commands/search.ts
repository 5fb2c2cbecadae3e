import type { Command } from '../command.ts';
import { call } from '../command.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import { safe } from '../safe-output.ts';

export const search: Command = {
  path: ['search'],
  summary: 'find words in a case: names, text, headers, notes, tags, hash prefixes',
  usage: 'custody search --case ID QUERY',
  options: { case: { type: 'string' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v, pos) {
    const caseId = v['case'];
    const query = pos.join(' ').trim();
    if (typeof caseId !== 'string' || query === '') throw new UsageError(`Usage: ${this.usage}`);
    const { hits } = await call(ctx, 'search:query', { caseId, query });
    ctx.print(
      hits.length
        ? hits
            .map(
              (h) =>
                safe`${h.itemId}  ${h.field}${h.line === null ? '' : `:${h.line}`}  ${h.snippet}`,
            )
            .join('\n')
        : 'No matches.',
      { caseId, query, hits },
    );
    return EXIT_OK;
  },
};
