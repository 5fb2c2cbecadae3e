import { defineMessage } from '@formatjs/intl';
// `custody report list|show|set-reference|find`: the report ledger. It answers "was this file
// reported, when, to whom, under which number?" by any hash, the destroyed cases' reports included.
import { call, type Command } from '../command.ts';
import { UsageError, usageOf, EXIT_OK, EXIT_NO } from '../exit.ts';
import type { ReportRecord } from '../../../shared/domain/ledger.ts';
import { Human, safe } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';

const kindKeys: Record<ReportRecord['kind'], string> = {
  packet: 'packet',
  ncmec: 'ncmec',
  vics: 'vics',
  'case-uco': 'caseUco',
};

function headline(text: CliText, r: Omit<ReportRecord, 'files'>): Human {
  return text.t(
    {
      id: 'cli.report.headline',
      defaultMessage:
        '{id}  {kind, select, packet {Evidence packet} ncmec {NCMEC CyberTipline report draft} vics {Project VIC VICS} other {CASE/UCO}} to {recipient}  {at}  case {case}  {referenced, select, yes {reference {reference}} other {no reference yet}}',
    },
    {
      id: ltr(r.id),
      kind: key(kindKeys[r.kind]),
      recipient: r.recipient,
      at: ltr(r.createdAt),
      case: ltr(r.caseId),
      referenced: key(r.reference !== null && r.reference !== ''),
      reference: ltr(r.reference ?? ''),
    },
  );
}

function describe(text: CliText, r: ReportRecord): Human {
  const t = text.t.bind(text);
  return Human.lines(
    headline(text, r),
    t({ id: 'cli.report.writtenTo', defaultMessage: '  written to: {path}' }, { path: ltr(r.out) }),
    r.referencedAt !== null &&
      t(
        { id: 'cli.report.referenceRecorded', defaultMessage: '  reference recorded: {at}' },
        { at: ltr(r.referencedAt) },
      ),
    ...r.files.map((f) =>
      t(
        {
          id: 'cli.report.file',
          defaultMessage:
            '  {item}  md5 {md5}  sha1 {sha1}  sha256 {sha256}{hasRef, select, yes {  file id {fileRef}} other {}}',
        },
        {
          item: ltr(f.itemId),
          md5: ltr(f.md5),
          sha1: ltr(f.sha1),
          sha256: ltr(f.sha256),
          hasRef: key(f.fileRef !== null && f.fileRef !== ''),
          fileRef: ltr(f.fileRef ?? ''),
        },
      ),
    ),
  );
}

function one(pos: string[], usage: string): string {
  const [id, ...rest] = pos;
  if (!id || rest.length) throw usageOf(usage);
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
    ctx.print(
      reports.length
        ? Human.lines(...reports.map((r) => headline(ctx.text, r)))
        : ctx.text.t({ id: 'cli.report.none', defaultMessage: 'No reports yet.' }),
      reports,
    );
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
    ctx.print(describe(ctx.text, r), r);
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
    if (!id || !reference || rest.length) throw usageOf(this.usage);
    const refs = fileRefs(v['file-id']);
    const r = await call(ctx, 'reports:set-reference', {
      id,
      reference,
      ...(refs ? { fileRefs: refs } : {}),
    });
    ctx.print(describe(ctx.text, r), r);
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
        ? Human.lines(
            ...matches.map((m) =>
              ctx.text.t(
                { id: 'cli.report.found', defaultMessage: '{item} ({hashType})  in {report}' },
                {
                  item: ltr(m.file.itemId),
                  hashType: ltr(m.hashType),
                  report: headline(ctx.text, m.report),
                },
              ),
            ),
          )
        : ctx.text.t({ id: 'cli.report.neverReported', defaultMessage: 'Never reported.' }),
      matches,
    );
    return matches.length ? EXIT_OK : EXIT_NO;
  },
};
