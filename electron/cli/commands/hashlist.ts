import { defineMessage } from '@formatjs/intl';
import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { call } from '../command.ts';
import { UsageError, EXIT_OK } from '../exit.ts';
import { safe } from '../safe-output.ts';
import {
  DEFAULT_PDQ_THRESHOLD,
  hashExportFormats,
  hashListFormats,
  type HashExportFormat,
  type HashList,
  type HashListFormat,
} from '../../../shared/domain/hashlist.ts';

function describe(l: HashList): string {
  const counts = Object.entries(l.counts)
    .map(([t, n]) =>
      l.notComputable.includes(t) ? `${t} ${n} (in the list, not computable here)` : `${t} ${n}`,
    )
    .join(', ');
  const flags = [
    l.knownIllegal ? 'KNOWN ILLEGAL' : '',
    l.negative ? 'negative' : '',
    l.enabled ? '' : 'disabled',
  ].filter(Boolean);
  return [
    safe`${l.id}  ${l.name}  v${l.version}  ${l.format}${flags.length ? `  ${flags.join(', ')}` : ''}`,
    safe`  ${counts || 'no entries'}  PDQ threshold ${l.threshold}  imported ${l.importedAt}`,
  ].join('\n');
}

function oneId(positionals: string[], usage: string): string {
  const [id, ...rest] = positionals;
  if (!id || rest.length) throw new UsageError(`Usage: ${usage}`);
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
    if (typeof name !== 'string') throw new UsageError(`Usage: ${this.usage}`);
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
    const shown = r.skipped.slice(0, 50).map((p) => safe`  line ${p.line}: ${p.reason}`);
    ctx.print(
      [
        describe(r.list),
        `${r.added} entries, ${r.removed} removed, ${r.skipped.length} lines skipped, ${r.matched} new matches`,
        ...shown,
        ...(r.skipped.length > shown.length
          ? [`  … and ${r.skipped.length - shown.length} more (see --json)`]
          : []),
      ].join('\n'),
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
    ctx.print(lists.length ? lists.map(describe).join('\n') : 'No hash lists.', lists);
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
    ctx.print(safe`Removed hash list ${r.id}.`, r);
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
      throw new UsageError(`Usage: ${this.usage}`);
    if (!(hashExportFormats as readonly string[]).includes(format))
      throw new UsageError(`--format is one of ${hashExportFormats.join(', ')}.`);
    const { handle } = ctx.core.paths.grant(resolve(out), 'hash-export');
    const r = await call(ctx, 'hashlists:export', {
      caseId,
      format: format as HashExportFormat,
      out: handle,
    });
    ctx.print(safe`Wrote ${r.count} items' hashes to ${out}.`, { ...r, out: resolve(out), format });
    return EXIT_OK;
  },
};
