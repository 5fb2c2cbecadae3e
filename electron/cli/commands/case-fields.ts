import { defineMessage } from '@formatjs/intl';
// `custody case set ID`: the case's structured fields that the exports read: the accounts it
// reports, where the incident happened and when. Each list given replaces the case's list.
import { call, type Command } from '../command.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import { safe } from '../safe-output.ts';
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
    if (!id || rest.length) throw new UsageError(`Usage: ${this.usage}`);
    const accounts = objects(v['account'], 'account') ?? (v['no-accounts'] ? [] : undefined);
    const incidents = objects(v['incident'], 'incident') ?? (v['no-incidents'] ? [] : undefined);
    const at = typeof v['incident-at'] === 'string' ? v['incident-at'] : undefined;
    const update = {
      id,
      ...(accounts ? { reportedAccounts: accounts } : {}),
      ...(incidents ? { incidents } : {}),
      ...(at !== undefined ? { incidentAt: at } : v['no-incident-at'] ? { incidentAt: null } : {}),
    } as CaseUpdate;
    if (Object.keys(update).length === 1)
      throw new UsageError(`Nothing to set.\nUsage: ${this.usage}`);
    const c = await call(ctx, 'cases:update', update);
    ctx.print(
      [
        safe`${c.id}  ${c.title}`,
        safe`  reported accounts: ${c.reportedAccounts.length}  incident places: ${c.incidents.length}  incident time: ${c.incidentAt ?? 'unknown'}`,
      ].join('\n'),
      c,
    );
    return EXIT_OK;
  },
};
