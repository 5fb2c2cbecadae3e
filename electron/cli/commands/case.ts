import type { Command } from '../command.ts';
import { resolve } from 'node:path';
import { call, viaCore } from '../command.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import { caseKinds, type Case } from '../../../shared/domain/case.ts';
import { safe } from '../safe-output.ts';
import { commaList } from '../comma-list.ts';

function describe(c: Case): string {
  const lines = [
    safe`${c.id}  ${c.title}`,
    safe`  kind: ${c.kind}${c.emergency ? '  EMERGENCY' : ''}  status: ${c.status}  items: ${c.itemCount}`,
  ];
  if (c.languages.length) lines.push(safe`  languages: ${c.languages.join(', ')}`);
  if (c.externalRefs.length) lines.push(safe`  references: ${c.externalRefs.join(' | ')}`);
  lines.push(
    safe`  created: ${c.createdAt}  updated: ${c.updatedAt}${c.closedAt ? `  closed: ${c.closedAt}` : ''}`,
  );
  if (c.notes) lines.push(safe`  notes: ${c.notes}`);
  return lines.join('\n');
}

function oneId(positionals: string[], usage: string): string {
  const [id, ...rest] = positionals;
  if (!id || rest.length) throw new UsageError(`Usage: ${usage}`);
  return id;
}

export const caseCreate: Command = {
  path: ['case', 'create'],
  summary: 'open a new case',
  usage: `custody case create --title T --kind K [--emergency] [--lang ar,fa,ru] [--ref R]... [--notes N]\n  kinds: ${caseKinds.join(', ')}`,
  options: {
    title: { type: 'string' },
    kind: { type: 'string' },
    emergency: { type: 'boolean' },
    lang: { type: 'string' },
    ref: { type: 'string', multiple: true },
    notes: { type: 'string' },
  },
  unlock: true,
  async run(ctx, v) {
    if (typeof v['title'] !== 'string' || typeof v['kind'] !== 'string') {
      throw new UsageError(`Usage: ${this.usage}`);
    }
    const c = await call(ctx, 'cases:create', {
      title: v['title'],
      kind: v['kind'] as Case['kind'],
      emergency: v['emergency'] === true,
      languages: commaList(v['lang']) ?? [],
      externalRefs: (v['ref'] as string[] | undefined) ?? [],
      notes: typeof v['notes'] === 'string' ? v['notes'] : '',
    });
    ctx.print(describe(c), c);
    return EXIT_OK;
  },
};

export const caseList: Command = {
  path: ['case', 'list'],
  summary: 'list cases',
  usage: 'custody case list',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const cases = await call(ctx, 'cases:list', {});
    ctx.print(cases.length ? cases.map(describe).join('\n') : 'No cases.', cases);
    return EXIT_OK;
  },
};

export const caseShow: Command = {
  path: ['case', 'show'],
  summary: 'show one case',
  usage: 'custody case show ID',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, pos) {
    const c = await call(ctx, 'cases:get', { id: oneId(pos, this.usage) });
    ctx.print(describe(c), c);
    return EXIT_OK;
  },
};

export const caseClose: Command = {
  path: ['case', 'close'],
  summary: 'close a case',
  usage: 'custody case close ID',
  unlock: true,
  async run(ctx, _v, pos) {
    const c = await call(ctx, 'cases:close', { id: oneId(pos, this.usage) });
    ctx.print(describe(c), c);
    return EXIT_OK;
  },
};

export const caseDestroy: Command = {
  path: ['case', 'destroy'],
  summary: 'destroy a case and its key (cannot be undone)',
  usage: 'custody case destroy ID --yes',
  options: { yes: { type: 'boolean' } },
  unlock: true,
  async run(ctx, v, pos) {
    const id = oneId(pos, this.usage);
    if (v['yes'] !== true) {
      throw new UsageError('Destroying a case cannot be undone: add --yes to confirm.');
    }
    await call(ctx, 'cases:destroy', { id });
    ctx.print(safe`Destroyed case ${id}: its key, rows and files are gone.`, {
      id,
      destroyed: true,
    });
    return EXIT_OK;
  },
};

export const caseSend: Command = {
  path: ['case', 'send'],
  summary: 'hand a case to a colleague: a signed bundle only their workstation opens',
  usage: 'custody case send ID --to NAME|FINGERPRINT --out FILE [--json]',
  options: { to: { type: 'string' }, out: { type: 'string' } },
  unlock: true,
  async run(ctx, v, positionals) {
    const caseId = oneId(positionals, this.usage);
    if (typeof v['to'] !== 'string' || typeof v['out'] !== 'string')
      throw new UsageError(`Usage: ${this.usage}`);
    const out = resolve(v['out']);
    const to = v['to'];
    const sent = await viaCore(() => ctx.core.handoff.send({ caseId, to, out }));
    ctx.print(
      [
        safe`Case ${caseId} sent to ${sent.to.name} (${sent.to.fingerprint}): ${sent.out}, ${sent.bytes} bytes.`,
        safe`It is read-only here until it comes back. Bundle SHA-256: ${sent.bundleSha256}`,
      ].join('\n'),
      sent,
    );
    return EXIT_OK;
  },
};

export const caseReceive: Command = {
  path: ['case', 'receive'],
  summary: 'take in a case a colleague sent (a new case, or one of ours coming back)',
  usage: 'custody case receive FILE [--json]',
  unlock: true,
  async run(ctx, _v, positionals) {
    const file = resolve(oneId(positionals, this.usage));
    const got = await viaCore(() => ctx.core.handoff.receive(file));
    const how =
      got.mode === 'new'
        ? safe`Received case ${got.caseId} from ${got.from.name} (${got.from.fingerprint}).`
        : safe`Case ${got.caseId} is back from ${got.from.name}: ${got.itemsAdded} new items, ${got.notesAdded} new notes, ${got.conflicts} conflicts to decide (custody case conflicts ${got.caseId}).`;
    ctx.print([how, describe(got.case)].join('\n'), got);
    return EXIT_OK;
  },
};

export const caseTakeBack: Command = {
  path: ['case', 'take-back'],
  summary: 'take back a case a colleague cannot return (logged, with the reason)',
  usage: 'custody case take-back ID --reason TEXT [--json]',
  options: { reason: { type: 'string' } },
  unlock: true,
  async run(ctx, v, positionals) {
    const caseId = oneId(positionals, this.usage);
    if (typeof v['reason'] !== 'string') throw new UsageError(`Usage: ${this.usage}`);
    const status = await call(ctx, 'handoff:take-back', { caseId, reason: v['reason'] });
    ctx.print(safe`Case ${caseId} taken back; it is writable here again.`, status);
    return EXIT_OK;
  },
};

function describeConflict(c: {
  id: number;
  itemId: string | null;
  field: string;
  ours: unknown;
  theirs: unknown;
  colleague: string;
}): string {
  const subject = c.itemId ? `item ${c.itemId} ${c.field}` : `case ${c.field}`;
  return safe`  #${String(c.id)}  ${subject}: mine ${JSON.stringify(c.ours)}  theirs ${JSON.stringify(c.theirs)}  (from ${c.colleague})`;
}

export const caseConflicts: Command = {
  path: ['case', 'conflicts'],
  summary: 'list what came back changed on both sides, for a decision',
  usage: 'custody case conflicts ID [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, positionals) {
    const caseId = oneId(positionals, this.usage);
    const conflicts = await call(ctx, 'handoff:conflicts', { caseId });
    ctx.print(
      conflicts.length
        ? [
            safe`Case ${caseId}: ${String(conflicts.length)} conflicts to decide.`,
            ...conflicts.map(describeConflict),
          ].join('\n')
        : safe`Case ${caseId}: no conflicts.`,
      conflicts,
    );
    return EXIT_OK;
  },
};

export const caseResolve: Command = {
  path: ['case', 'resolve'],
  summary: "decide a conflict: keep this side's value or take the colleague's (logged)",
  usage: 'custody case resolve ID --conflict CID --keep mine|theirs [--json]',
  options: { conflict: { type: 'string' }, keep: { type: 'string' } },
  unlock: true,
  async run(ctx, v, positionals) {
    const caseId = oneId(positionals, this.usage);
    const conflict = Number(v['conflict']);
    const keep = v['keep'];
    if (!Number.isInteger(conflict) || conflict < 1 || (keep !== 'mine' && keep !== 'theirs'))
      throw new UsageError(`Usage: ${this.usage}`);
    const left = await call(ctx, 'handoff:resolve', { caseId, conflict, keep });
    ctx.print(
      safe`Conflict #${String(conflict)} of case ${caseId} resolved (kept ${keep}); ${String(left.length)} left.`,
      left,
    );
    return EXIT_OK;
  },
};
