import type { Command } from '../command.ts';
import { resolve } from 'node:path';
import { call, viaCore } from '../command.ts';
import { UsageError, usageOf, EXIT_OK } from '../exit.ts';
import { caseKinds, type Case } from '../../../shared/domain/case.ts';
import { Human } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';
import { defineMessage } from '@formatjs/intl';
import { commaList } from '../comma-list.ts';

function describe(text: CliText, c: Case): Human {
  const t = text.t.bind(text);
  return Human.lines(
    t(
      { id: 'cli.case.heading', defaultMessage: '{id}  {title}' },
      { id: ltr(c.id), title: c.title },
    ),
    t(
      {
        id: 'cli.case.facts',
        defaultMessage:
          '  kind: {kind}{emergency, select, yes {  EMERGENCY} other {}}  status: {status, select, closed {closed} other {open}}  {items, plural, one {# item} other {# items}}',
      },
      {
        kind: ltr(c.kind),
        emergency: key(c.emergency),
        status: key(c.status),
        items: c.itemCount,
      },
    ),
    c.languages.length > 0 &&
      t(
        { id: 'cli.case.languages', defaultMessage: '  languages: {languages}' },
        { languages: text.list(c.languages.map(ltr)) },
      ),
    c.externalRefs.length > 0 &&
      t(
        { id: 'cli.case.references', defaultMessage: '  references: {references}' },
        { references: text.join(c.externalRefs, ' | ') },
      ),
    t(
      {
        id: 'cli.case.dates',
        defaultMessage:
          '  created: {created}  updated: {updated}{closed, select, none {} other {  closed: {closed}}}',
      },
      {
        created: ltr(c.createdAt),
        updated: ltr(c.updatedAt),
        closed: c.closedAt ? ltr(c.closedAt) : key('none'),
      },
    ),
    c.notes !== '' &&
      t({ id: 'cli.case.notes', defaultMessage: '  notes: {notes}' }, { notes: c.notes }),
  );
}

function oneId(positionals: string[], usage: string): string {
  const [id, ...rest] = positionals;
  if (!id || rest.length) throw usageOf(usage);
  return id;
}

export const caseCreate: Command = {
  path: ['case', 'create'],
  summary: defineMessage({
    id: 'cli.case.create.summary',
    defaultMessage: 'open a new case',
  }),
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
      throw usageOf(this.usage);
    }
    const c = await call(ctx, 'cases:create', {
      title: v['title'],
      kind: v['kind'] as Case['kind'],
      emergency: v['emergency'] === true,
      languages: commaList(v['lang']) ?? [],
      externalRefs: (v['ref'] as string[] | undefined) ?? [],
      notes: typeof v['notes'] === 'string' ? v['notes'] : '',
    });
    ctx.print(describe(ctx.text, c), c);
    return EXIT_OK;
  },
};

export const caseList: Command = {
  path: ['case', 'list'],
  summary: defineMessage({
    id: 'cli.case.list.summary',
    defaultMessage: 'list cases',
  }),
  usage: 'custody case list',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const cases = await call(ctx, 'cases:list', {});
    ctx.print(
      Human.lines(
        ...cases.map((c) => describe(ctx.text, c)),
        ctx.text.t(
          {
            id: 'cli.case.count',
            defaultMessage: '{count, plural, =0 {No cases.} one {# case.} other {# cases.}}',
          },
          { count: cases.length },
        ),
      ),
      cases,
    );
    return EXIT_OK;
  },
};

export const caseShow: Command = {
  path: ['case', 'show'],
  summary: defineMessage({
    id: 'cli.case.show.summary',
    defaultMessage: 'show one case',
  }),
  usage: 'custody case show ID',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, pos) {
    const c = await call(ctx, 'cases:get', { id: oneId(pos, this.usage) });
    ctx.print(describe(ctx.text, c), c);
    return EXIT_OK;
  },
};

export const caseClose: Command = {
  path: ['case', 'close'],
  summary: defineMessage({
    id: 'cli.case.close.summary',
    defaultMessage: 'close a case',
  }),
  usage: 'custody case close ID',
  unlock: true,
  async run(ctx, _v, pos) {
    const c = await call(ctx, 'cases:close', { id: oneId(pos, this.usage) });
    ctx.print(describe(ctx.text, c), c);
    return EXIT_OK;
  },
};

export const caseDestroy: Command = {
  path: ['case', 'destroy'],
  summary: defineMessage({
    id: 'cli.case.destroy.summary',
    defaultMessage: 'destroy a case and its key (cannot be undone)',
  }),
  usage: 'custody case destroy ID --yes',
  options: { yes: { type: 'boolean' } },
  unlock: true,
  async run(ctx, v, pos) {
    const id = oneId(pos, this.usage);
    if (v['yes'] !== true) {
      throw new UsageError('Destroying a case cannot be undone: add --yes to confirm.');
    }
    await call(ctx, 'cases:destroy', { id });
    const done = ctx.text.t(
      {
        id: 'cli.case.destroyed',
        defaultMessage: 'Destroyed case {id}: its key, rows and files are gone.',
      },
      { id: ltr(id) },
    );
    ctx.print(done, {
      id,
      destroyed: true,
    });
    return EXIT_OK;
  },
};

export const caseSend: Command = {
  path: ['case', 'send'],
  summary: defineMessage({
    id: 'cli.case.send.summary',
    defaultMessage: 'hand a case to a colleague: a signed bundle only their workstation opens',
  }),
  usage: 'custody case send ID --to NAME|FINGERPRINT --out FILE [--json]',
  options: { to: { type: 'string' }, out: { type: 'string' } },
  unlock: true,
  async run(ctx, v, positionals) {
    const caseId = oneId(positionals, this.usage);
    if (typeof v['to'] !== 'string' || typeof v['out'] !== 'string') throw usageOf(this.usage);
    const out = resolve(v['out']);
    const to = v['to'];
    const sent = await viaCore(() => ctx.core.handoff.send({ caseId, to, out }));
    ctx.print(
      Human.lines(
        ctx.text.t(
          {
            id: 'cli.case.sent',
            defaultMessage:
              'Case {id} sent to {name} ({fingerprint}): {file}, {bytes, plural, one {# byte} other {# bytes}}.',
          },
          {
            id: ltr(caseId),
            name: sent.to.name,
            fingerprint: ltr(sent.to.fingerprint),
            file: ltr(sent.out),
            bytes: sent.bytes,
          },
        ),
        ctx.text.t(
          {
            id: 'cli.case.sent.readOnly',
            defaultMessage: 'It is read-only here until it comes back. Bundle SHA-256: {sha256}',
          },
          { sha256: ltr(sent.bundleSha256) },
        ),
      ),
      sent,
    );
    return EXIT_OK;
  },
};

export const caseReceive: Command = {
  path: ['case', 'receive'],
  summary: defineMessage({
    id: 'cli.case.receive.summary',
    defaultMessage: 'take in a case a colleague sent (a new case, or one of ours coming back)',
  }),
  usage: 'custody case receive FILE [--json]',
  unlock: true,
  async run(ctx, _v, positionals) {
    const file = resolve(oneId(positionals, this.usage));
    const got = await viaCore(() => ctx.core.handoff.receive(file));
    const who = {
      id: ltr(got.caseId),
      name: got.from.name,
      fingerprint: ltr(got.from.fingerprint),
    };
    const how =
      got.mode === 'new'
        ? ctx.text.t(
            {
              id: 'cli.case.received',
              defaultMessage: 'Received case {id} from {name} ({fingerprint}).',
            },
            who,
          )
        : ctx.text.t(
            {
              id: 'cli.case.returned',
              defaultMessage:
                'Case {id} is back from {name}: {items, plural, one {# new item} other {# new items}}, {notes, plural, one {# new note} other {# new notes}}, {conflicts, plural, one {# conflicting categorisation} other {# conflicting categorisations}} to decide.',
            },
            { ...who, items: got.itemsAdded, notes: got.notesAdded, conflicts: got.conflicts },
          );
    ctx.print(Human.lines(how, describe(ctx.text, got.case)), got);
    return EXIT_OK;
  },
};

export const caseTakeBack: Command = {
  path: ['case', 'take-back'],
  summary: defineMessage({
    id: 'cli.case.takeBack.summary',
    defaultMessage: 'take back a case a colleague cannot return (logged, with the reason)',
  }),
  usage: 'custody case take-back ID --reason TEXT [--json]',
  options: { reason: { type: 'string' } },
  unlock: true,
  async run(ctx, v, positionals) {
    const caseId = oneId(positionals, this.usage);
    if (typeof v['reason'] !== 'string') throw usageOf(this.usage);
    const status = await call(ctx, 'handoff:take-back', { caseId, reason: v['reason'] });
    const back = ctx.text.t(
      {
        id: 'cli.case.takenBack',
        defaultMessage: 'Case {id} taken back; it is writable here again.',
      },
      { id: ltr(caseId) },
    );
    ctx.print(back, status);
    return EXIT_OK;
  },
};

function describeConflict(
  text: CliText,
  c: {
    id: number;
    itemId: string | null;
    field: string;
    ours: unknown;
    theirs: unknown;
    colleague: string;
  },
): Human {
  return text.t(
    {
      id: 'cli.case.conflict',
      defaultMessage:
        '  #{id}  {item, select, none {case {field}} other {item {item} {field}}}: mine {ours}  theirs {theirs}  (from {colleague})',
    },
    {
      id: ltr(c.id),
      item: c.itemId ? ltr(c.itemId) : key('none'),
      field: ltr(c.field),
      ours: JSON.stringify(c.ours),
      theirs: JSON.stringify(c.theirs),
      colleague: c.colleague,
    },
  );
}

export const caseConflicts: Command = {
  path: ['case', 'conflicts'],
  summary: defineMessage({
    id: 'cli.case.conflicts.summary',
    defaultMessage: 'list what came back changed on both sides, for a decision',
  }),
  usage: 'custody case conflicts ID [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, positionals) {
    const caseId = oneId(positionals, this.usage);
    const conflicts = await call(ctx, 'handoff:conflicts', { caseId });
    ctx.print(
      Human.lines(
        ctx.text.t(
          {
            id: 'cli.case.conflicts',
            defaultMessage:
              'Case {id}: {count, plural, =0 {no conflicts.} one {# conflict to decide.} other {# conflicts to decide.}}',
          },
          { id: ltr(caseId), count: conflicts.length },
        ),
        ...conflicts.map((c) => describeConflict(ctx.text, c)),
      ),
      conflicts,
    );
    return EXIT_OK;
  },
};

export const caseResolve: Command = {
  path: ['case', 'resolve'],
  summary: defineMessage({
    id: 'cli.case.resolve.summary',
    defaultMessage: "decide a conflict: keep this side's value or take the colleague's (logged)",
  }),
  usage: 'custody case resolve ID --conflict CID --keep mine|theirs [--json]',
  options: { conflict: { type: 'string' }, keep: { type: 'string' } },
  unlock: true,
  async run(ctx, v, positionals) {
    const caseId = oneId(positionals, this.usage);
    const conflict = Number(v['conflict']);
    const keep = v['keep'];
    if (!Number.isInteger(conflict) || conflict < 1 || (keep !== 'mine' && keep !== 'theirs'))
      throw usageOf(this.usage);
    const left = await call(ctx, 'handoff:resolve', { caseId, conflict, keep });
    ctx.print(
      ctx.text.t(
        {
          id: 'cli.case.resolved',
          defaultMessage:
            'Conflict #{conflict} of case {id} resolved (kept {keep, select, mine {mine} other {theirs}}); {left, plural, one {# left} other {# left}}.',
        },
        { conflict: ltr(conflict), id: ltr(caseId), keep: key(keep), left: left.length },
      ),
      left,
    );
    return EXIT_OK;
  },
};
