import { defineMessage } from '@formatjs/intl';
import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { call } from '../command.ts';
import { UsageError, usageOf, EXIT_OK } from '../exit.ts';
import { Human } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';
import {
  DEFAULT_PDQ_THRESHOLD,
  hashExportFormats,
  hashListFormats,
  type HashExportFormat,
  type HashList,
  type HashListFormat,
} from '../../../shared/domain/hashlist.ts';

function describe(text: CliText, l: HashList): Human {
  const t = text.t.bind(text);
  const counts = Object.entries(l.counts).map(([type, count]) =>
    t(
      {
        id: 'cli.hashlist.count',
        defaultMessage:
          '{type} {count}{computable, select, no { (in the list, not computable here)} other {}}',
      },
      { type: ltr(type), count: ltr(count), computable: key(!l.notComputable.includes(type)) },
    ),
  );
  const flags = [
    l.knownIllegal && 'knownIllegal',
    l.negative && 'negative',
    !l.enabled && 'disabled',
  ].filter((f): f is string => f !== false);
  return Human.lines(
    t(
      {
        id: 'cli.hashlist.heading',
        defaultMessage:
          '{id}  {name}  v{version}  {format}{flagged, select, yes {  {flags}} other {}}',
      },
      {
        id: ltr(l.id),
        name: l.name,
        version: ltr(l.version),
        format: ltr(l.format),
        flagged: key(flags.length > 0),
        flags: text.join(
          flags.map((f) =>
            t(
              {
                id: 'cli.hashlist.flag',
                defaultMessage:
                  '{flag, select, knownIllegal {KNOWN ILLEGAL} negative {negative} other {disabled}}',
              },
              { flag: key(f) },
            ),
          ),
          ', ',
        ),
      },
    ),
    t(
      {
        id: 'cli.hashlist.facts',
        defaultMessage:
          '  {counted, select, yes {{counts}} other {no entries}}  PDQ threshold {threshold}  imported {at}',
      },
      {
        counted: key(counts.length > 0),
        counts: text.join(counts, ', '),
        threshold: ltr(l.threshold),
        at: ltr(l.importedAt),
      },
    ),
  );
}

function oneId(positionals: string[], usage: string): string {
  const [id, ...rest] = positionals;
  if (!id || rest.length) throw usageOf(usage);
  return id;
}

function threshold(v: unknown): number {
  if (v === undefined) return DEFAULT_PDQ_THRESHOLD;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n >= 0 && n <= 63)) throw new UsageError('--threshold is a PDQ distance from 0 to 63.');
  return n;
}

export const hashlistImport: Command = {
  path: ['hashlist', 'import'],
  summary: defineMessage({
    id: 'cli.hashlist.import.summary',
    defaultMessage: 'import a hash list (a newer version of a name replaces the older)',
  }),
  usage: `custody hashlist import FILE --name N [--format auto|${hashListFormats.join('|')}] [--threshold 31] [--known-illegal] [--negative]`,
  options: {
    name: { type: 'string' },
    format: { type: 'string' },
    threshold: { type: 'string' },
    'known-illegal': { type: 'boolean' },
    negative: { type: 'boolean' },
  },
  unlock: true,
  async run(ctx, v, pos) {
    const file = oneId(pos, this.usage);
    const name = v['name'];
    if (typeof name !== 'string') throw usageOf(this.usage);
    const format = (v['format'] ?? 'auto') as string;
    if (format !== 'auto' && !(hashListFormats as readonly string[]).includes(format))
      throw new UsageError(`--format is one of auto, ${hashListFormats.join(', ')}.`);
    const { handle } = ctx.core.paths.grant(resolve(file), 'hash-list');
    const r = await call(ctx, 'hashlists:import', {
      file: handle,
      name,
      format: format as HashListFormat | 'auto',
      threshold: threshold(v['threshold']),
      knownIllegal: v['known-illegal'] === true,
      negative: v['negative'] === true,
    });
    const t = ctx.text.t.bind(ctx.text);
    // The reasons are the parser's own English (md5 is not hex): data about the file.
    const shown = r.skipped
      .slice(0, 50)
      .map((p) =>
        t(
          { id: 'cli.hashlist.skipped', defaultMessage: '  line {line}: {reason}' },
          { line: ltr(p.line), reason: p.reason },
        ),
      );
    ctx.print(
      Human.lines(
        describe(ctx.text, r.list),
        t(
          {
            id: 'cli.hashlist.imported',
            defaultMessage:
              '{added, plural, one {# entry} other {# entries}}, {removed, plural, one {# removed} other {# removed}}, {skipped, plural, one {# line skipped} other {# lines skipped}}, {matched, plural, one {# new match} other {# new matches}}',
          },
          {
            added: r.added,
            removed: r.removed,
            skipped: r.skipped.length,
            matched: r.matched,
          },
        ),
        ...shown,
        r.skipped.length > shown.length &&
          t(
            {
              id: 'cli.hashlist.skippedMore',
              defaultMessage: '  … and {count, plural, one {# more} other {# more}} (see {json})',
            },
            { count: r.skipped.length - shown.length, json: ltr('--json') },
          ),
      ),
      r,
    );
    return EXIT_OK;
  },
};

export const hashlistList: Command = {
  path: ['hashlist', 'list'],
  summary: defineMessage({
    id: 'cli.hashlist.list.summary',
    defaultMessage: 'list the hash lists, their versions and counts',
  }),
  usage: 'custody hashlist list',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const lists = await call(ctx, 'hashlists:list', {});
    ctx.print(
      lists.length
        ? Human.lines(...lists.map((l) => describe(ctx.text, l)))
        : ctx.text.t({ id: 'cli.hashlist.none', defaultMessage: 'No hash lists.' }),
      lists,
    );
    return EXIT_OK;
  },
};

export const hashlistRemove: Command = {
  path: ['hashlist', 'remove'],
  summary: defineMessage({
    id: 'cli.hashlist.remove.summary',
    defaultMessage: 'remove a hash list and its matches',
  }),
  usage: 'custody hashlist remove ID',
  unlock: true,
  async run(ctx, _v, pos) {
    const r = await call(ctx, 'hashlists:remove', { id: oneId(pos, this.usage) });
    const removed = ctx.text.t(
      { id: 'cli.hashlist.removed', defaultMessage: 'Removed hash list {id}.' },
      { id: ltr(r.id) },
    );
    ctx.print(removed, r);
    return EXIT_OK;
  },
};

export const hashlistExport: Command = {
  path: ['hashlist', 'export'],
  summary: defineMessage({
    id: 'cli.hashlist.export.summary',
    defaultMessage: "write a case's categorised hashes as a list (plain, csv, pytx, vics)",
  }),
  usage: `custody hashlist export --case ID --format ${hashExportFormats.join('|')} --out FILE`,
  options: { case: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v) {
    const { case: caseId, format, out } = v;
    if (typeof caseId !== 'string' || typeof out !== 'string' || typeof format !== 'string')
      throw usageOf(this.usage);
    if (!(hashExportFormats as readonly string[]).includes(format))
      throw new UsageError(`--format is one of ${hashExportFormats.join(', ')}.`);
    const { handle } = ctx.core.paths.grant(resolve(out), 'hash-export');
    const r = await call(ctx, 'hashlists:export', {
      caseId,
      format: format as HashExportFormat,
      out: handle,
    });
    const wrote = ctx.text.t(
      {
        id: 'cli.hashlist.exported',
        defaultMessage:
          '{count, plural, one {Wrote # item’s hashes to {file}.} other {Wrote # items’ hashes to {file}.}}',
      },
      { count: r.count, file: ltr(resolve(out)) },
    );
    ctx.print(wrote, { ...r, out: resolve(out), format });
    return EXIT_OK;
  },
};
