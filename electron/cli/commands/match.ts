import { defineMessage } from '@formatjs/intl';
import type { Command } from '../command.ts';
import { call, requireCase } from '../command.ts';
import { EXIT_OK } from '../exit.ts';
import { Human } from '../safe-output.ts';
import { key, ltr } from '../cli-intl.ts';

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
      Human.lines(
        ...matches.map((m) =>
          ctx.text.t(
            {
              id: 'cli.match.line',
              defaultMessage:
                '{item}  {list} v{version}  {hashType}  distance {distance}{variant}{illegal, select, yes {  KNOWN ILLEGAL} other {}}  {status, select, confirmed {confirmed} rejected {rejected} other {open}}  (match {id})',
            },
            {
              item: ltr(m.itemId),
              list: m.listName,
              version: ltr(m.listVersion),
              hashType: ltr(m.hashType),
              distance: m.distance,
              variant: m.variant ? ltr(`  ${m.variant}`) : '',
              illegal: key(m.knownIllegal),
              status: key(m.status),
              id: ltr(m.id),
            },
          ),
        ),
        matches.length === 0 &&
          ctx.text.t({ id: 'cli.search.none', defaultMessage: 'No matches.' }),
      ),
      { caseId, matches },
    );
    return EXIT_OK;
  },
};
