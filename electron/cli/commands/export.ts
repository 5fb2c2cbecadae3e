import { defineMessage } from '@formatjs/intl';
// `custody export ncmec|vics|case-uco`: one case for every recipient. Each export is recorded in
// the custody log and the report ledger (`custody report list`).
import { resolve } from 'node:path';
import { requireCase, viaCore, type Command, type CliContext } from '../command.ts';
import { UsageError, usageOf, EXIT_OK } from '../exit.ts';
import { Human, safe } from '../safe-output.ts';
import { key, ltr } from '../cli-intl.ts';
import { commaList } from '../comma-list.ts';
import type { ExportResult } from '../../core/exports/ncmec/ncmec-export.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function required(v: Record<string, unknown>, usage: string): { caseId: string; out: string } {
  const caseId = requireCase(v, usage);
  const out = str(v['out']);
  if (!out) throw usageOf(usage);
  return { caseId, out: resolve(out) };
}

/** What was written: `ncmec`, `vics` (with its version) or `caseUco`. */
function printResult(ctx: CliContext, r: ExportResult, what: string, version = ''): void {
  const t = ctx.text.t.bind(ctx.text);
  ctx.print(
    Human.lines(
      t(
        {
          id: 'cli.export.written',
          defaultMessage:
            '{what, select, ncmec {CyberTipline report draft} vics {VICS {version} JSON} other {CASE/UCO JSON-LD}} written to {path} ({items, plural, one {# item} other {# items}}).',
        },
        { what: key(what), version: ltr(version), path: ltr(r.out), items: r.items },
      ),
      ...(r.files.length > 1
        ? r.files.map((f) =>
            t({ id: 'cli.export.file', defaultMessage: '  {file}' }, { file: ltr(f) }),
          )
        : []),
      t(
        {
          id: 'cli.export.recorded',
          defaultMessage: 'Recorded in the report ledger as {id}: {command}',
        },
        { id: ltr(r.reportId), command: ltr(`custody report show ${r.reportId}`) },
      ),
    ),
    r,
  );
}

export const exportNcmec: Command = {
  path: ['export', 'ncmec'],
  summary: defineMessage({
    id: 'cli.export.ncmec.summary',
    defaultMessage:
      'write an NCMEC CyberTipline report draft (report.xml and one fileDetails per file)',
  }),
  usage:
    'custody export ncmec --case ID --out DIR [--items ID,...] [--xsd FILE] [--incident-type TYPE] [--json]',
  options: {
    case: { type: 'string' },
    out: { type: 'string' },
    items: { type: 'string' },
    xsd: { type: 'string' },
    'incident-type': { type: 'string' },
  },
  unlock: true,
  async run(ctx, v) {
    const { caseId, out } = required(v, this.usage);
    const xsd = str(v['xsd']);
    const r = await viaCore(() =>
      ctx.core.exports.ncmec({
        caseId,
        out,
        itemIds: commaList(v['items']),
        xsd: xsd === undefined ? undefined : resolve(xsd),
        incidentType: str(v['incident-type']),
      }),
    );
    printResult(ctx, r, 'ncmec');
    return EXIT_OK;
  },
};

export const exportVics: Command = {
  path: ['export', 'vics'],
  summary: defineMessage({
    id: 'cli.export.vics.summary',
    defaultMessage: 'write the case as Project VIC VICS JSON (2.0; 1.3 on request)',
  }),
  usage:
    'custody export vics --case ID --out FILE [--items ID,...] [--vics-version 2.0|1.3] [--recipient NAME] [--json]',
  options: {
    case: { type: 'string' },
    out: { type: 'string' },
    items: { type: 'string' },
    'vics-version': { type: 'string' },
    recipient: { type: 'string' },
  },
  unlock: true,
  async run(ctx, v) {
    const { caseId, out } = required(v, this.usage);
    const version = str(v['vics-version']) ?? '2.0';
    if (version !== '2.0' && version !== '1.3')
      throw new UsageError(safe`--vics-version is 2.0 or 1.3, not "${version}".`);
    const r = await viaCore(() =>
      ctx.core.exports.vics({
        caseId,
        out,
        itemIds: commaList(v['items']),
        version,
        recipient: str(v['recipient']),
      }),
    );
    printResult(ctx, r, 'vics', version);
    return EXIT_OK;
  },
};

export const exportCaseUco: Command = {
  path: ['export', 'case-uco'],
  summary: defineMessage({
    id: 'cli.export.caseUco.summary',
    defaultMessage: 'write the case as CASE/UCO JSON-LD',
  }),
  usage:
    'custody export case-uco --case ID --out FILE [--items ID,...] [--recipient NAME] [--json]',
  options: {
    case: { type: 'string' },
    out: { type: 'string' },
    items: { type: 'string' },
    recipient: { type: 'string' },
  },
  unlock: true,
  async run(ctx, v) {
    const { caseId, out } = required(v, this.usage);
    const r = await viaCore(() =>
      ctx.core.exports.caseUco({
        caseId,
        out,
        itemIds: commaList(v['items']),
        recipient: str(v['recipient']),
      }),
    );
    printResult(ctx, r, 'caseUco');
    return EXIT_OK;
  },
};
