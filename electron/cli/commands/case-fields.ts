import { defineMessage } from '@formatjs/intl';
// `custody case set ID`: the case's structured fields that the exports read: the accounts it
// reports, where the incident happened and when. Each list given replaces the case's list.
import { call, type Command } from '../command.ts';
import { UsageError, usageOf, EXIT_OK } from '../exit.ts';
import { Human, safe } from '../safe-output.ts';
import { key, ltr } from '../cli-intl.ts';
import type { CaseUpdate } from '../../../shared/domain/case.ts';

/** One JSON object per option value; zod in the contract checks its fields. */
function objects(v: unknown, option: string): unknown[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return (v as string[]).map((text) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UsageError(safe`--${option} takes a JSON object; "${text}" is not one.`);
    }
  });
}

export const caseSet: Command = {
  path: ['case', 'set'],
  summary: defineMessage({
    id: 'cli.case.set.summary',
    defaultMessage: 'set a case’s reported accounts, incident places and incident time',
  }),
  usage: [
    'custody case set ID [--account JSON]... [--no-accounts] [--incident JSON]... [--no-incidents] [--incident-at ISO|--no-incident-at] [--json]',
    '  --account  {"screenName":…,"displayName":…,"profileUrl":…,"espIdentifier":…,"ipCaptures":[{"ipAddress":…,"eventName":"Login","at":ISO}]}',
    '  --incident {"kind":"web-page"|"email"|"chat","value":URL|ADDRESS|SERVICE,"at":ISO}',
  ].join('\n'),
  options: {
    account: { type: 'string', multiple: true },
    'no-accounts': { type: 'boolean' },
    incident: { type: 'string', multiple: true },
    'no-incidents': { type: 'boolean' },
    'incident-at': { type: 'string' },
    'no-incident-at': { type: 'boolean' },
  },
  unlock: true,
  async run(ctx, v, pos) {
    const [id, ...rest] = pos;
    if (!id || rest.length) throw usageOf(this.usage);
    const accounts = objects(v['account'], 'account') ?? (v['no-accounts'] ? [] : undefined);
    const incidents = objects(v['incident'], 'incident') ?? (v['no-incidents'] ? [] : undefined);
    const at = typeof v['incident-at'] === 'string' ? v['incident-at'] : undefined;
    const update = {
      id,
      ...(accounts ? { reportedAccounts: accounts } : {}),
      ...(incidents ? { incidents } : {}),
      ...(at !== undefined ? { incidentAt: at } : v['no-incident-at'] ? { incidentAt: null } : {}),
    } as CaseUpdate;
    if (Object.keys(update).length === 1) throw new UsageError('Nothing to set.', this.usage);
    const c = await call(ctx, 'cases:update', update);
    const t = ctx.text.t.bind(ctx.text);
    ctx.print(
      Human.lines(
        t(
          { id: 'cli.case.heading', defaultMessage: '{id}  {title}' },
          {
            id: ltr(c.id),
            title: c.title,
          },
        ),
        t(
          {
            id: 'cli.case.set.fields',
            defaultMessage:
              '  reported accounts: {accounts}  incident places: {places}  incident time: {known, select, yes {{at}} other {unknown}}',
          },
          {
            accounts: c.reportedAccounts.length,
            places: c.incidents.length,
            known: key(c.incidentAt !== null),
            at: ltr(c.incidentAt ?? ''),
          },
        ),
      ),
      c,
    );
    return EXIT_OK;
  },
};
