import { defineMessage } from '@formatjs/intl';
// `custody report list|show|set-reference|find`: the report ledger. It answers "was this file
// reported, when, to whom, under which number?" by any hash, the destroyed cases' reports included.
import { call, type Command } from '../command.ts';
import { UsageError, EXIT_OK, EXIT_NO } from '../exit.ts';
import { safe } from '../safe-output.ts';
import { reportKindLabels, type ReportRecord } from '../../../shared/domain/ledger.ts';

function headline(r: Omit<ReportRecord, 'files'>): string {
  const ref = r.reference ? safe`reference ${r.reference}` : 'no reference yet';
  return safe`${r.id}  ${reportKindLabels[r.kind]} to ${r.recipient}  ${r.createdAt}  case ${r.caseId}  ${ref}`;
}

function describe(r: ReportRecord): string {
  return [
    headline(r),
    safe`  written to: ${r.out}`,
    ...(r.referencedAt ? [safe`  reference recorded: ${r.referencedAt}`] : []),
    ...r.files.map(
      (f) =>
        safe`  ${f.itemId}  md5 ${f.md5}  sha1 ${f.sha1}  sha256 ${f.sha256}${f.fileRef ? `  file id ${f.fileRef}` : ''}`,
    ),
  ].join('\n');
}

function one(pos: string[], usage: string): string {
  const [id, ...rest] = pos;
  if (!id || rest.length) throw new UsageError(`Usage: ${usage}`);
  return id;
}

export const reportList: Command = {
  path: ['report', 'list'],
  summary: defineMessage({
    id: 'cli.report.list.summary',
    defaultMessage: 'list every recorded export (packets, CyberTip drafts, VICS, CASE/UCO)',
  }),
  usage: 'custody report list [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const reports = await call(ctx, 'reports:list', {});
    ctx.print(reports.length ? reports.map(headline).join('\n') : 'No reports yet.', reports);
    return EXIT_OK;
  },
};

export const reportShow: Command = {
  path: ['report', 'show'],
  summary: defineMessage({
    id: 'cli.report.show.summary',
    defaultMessage: 'show one recorded export with its files’ hashes',
  }),
  usage: 'custody report show ID [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, pos) {
    const r = await call(ctx, 'reports:show', { id: one(pos, this.usage) });
    ctx.print(describe(r), r);
    return EXIT_OK;
  },
};

/** `--file-id ITEM=ID`, repeated: the recipient's id for each file. */
function fileRefs(v: unknown): Record<string, string> | undefined {
  if (!Array.isArray(v) || !v.length) return undefined;
  const out: Record<string, string> = {};
  for (const pair of v as string[]) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1)
      throw new UsageError(safe`--file-id takes ITEM=ID; "${pair}" is not that.`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

export const reportSetReference: Command = {
  path: ['report', 'set-reference'],
  summary: defineMessage({
    id: 'cli.report.setReference.summary',
    defaultMessage:
      'record the recipient’s reference number (a CyberTip draft is rewritten with it)',
  }),
  usage: 'custody report set-reference ID REF [--file-id ITEM=FILEID]... [--json]',
  options: { 'file-id': { type: 'string', multiple: true } },
  unlock: true,
  async run(ctx, v, pos) {
    const [id, reference, ...rest] = pos;
    if (!id || !reference || rest.length) throw new UsageError(`Usage: ${this.usage}`);
    const refs = fileRefs(v['file-id']);
    const r = await call(ctx, 'reports:set-reference', {
      id,
      reference,
      ...(refs ? { fileRefs: refs } : {}),
    });
    ctx.print(describe(r), r);
    return EXIT_OK;
  },
};

export const reportFind: Command = {
  path: ['report', 'find'],
  summary: defineMessage({
    id: 'cli.report.find.summary',
    defaultMessage: 'was this file reported? by MD5, SHA-1 or SHA-256',
  }),
  usage: 'custody report find HASH [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx, _v, pos) {
    const matches = await call(ctx, 'reports:find', { hash: one(pos, this.usage) });
    ctx.print(
      matches.length
        ? matches
            .map((m) => safe`${m.file.itemId} (${m.hashType})  in ` + headline(m.report))
            .join('\n')
        : 'Never reported.',
      matches,
    );
    return matches.length ? EXIT_OK : EXIT_NO;
  },
};
