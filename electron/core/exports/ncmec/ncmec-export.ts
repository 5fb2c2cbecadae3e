// `custody export ncmec`: the CyberTipline report draft, written offline for the reporting
// organisation's connected system to submit. Lands in the custody log and the report ledger.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInputError } from '../../errors.ts';
import { noReporterError } from '../../input-errors.ts';
import type { UnlockedVault } from '../../vault/vault.ts';
import { record } from '../../custody/custody-log.ts';
import { touchCase } from '../../cases/case.queries.ts';
import { recordReport } from '../../ledger/ledger.service.ts';
import type { ReportRecord } from '../../../../shared/domain/ledger.ts';
import { collectExport, ledgerFiles } from '../export-case.ts';
import { readReporterProfile } from '../reporter-profile.ts';
import { replaceFile, sha256Of, writeFolder, type Output } from '../write-out.ts';
import { fileDetailsXml, PLACEHOLDER_REPORT_ID, reportXml } from './draft-xml.ts';
import { incidentTypeFor } from './incident-type.ts';
import { validateAgainstXsd } from './validate-xsd.ts';

export const NCMEC_RECIPIENT = 'NCMEC CyberTipline';

export interface NcmecExportOptions {
  caseId: string;
  out: string;
  itemIds?: readonly string[] | undefined;
  /** The organisation's copy of NCMEC's XSD; every document is validated against it first. */
  xsd?: string | undefined;
  incidentType?: string | undefined;
}

export interface ExportResult {
  reportId: string;
  kind: ReportRecord['kind'];
  out: string;
  files: string[];
  items: number;
}

export const fileDetailsName = (itemId: string) => `fileDetails-${itemId}.xml`;

export async function exportNcmec(
  vault: UnlockedVault,
  o: NcmecExportOptions,
): Promise<ExportResult> {
  const reporter = readReporterProfile(vault.db);
  if (!reporter) throw noReporterError();
  const data = collectExport(vault, o.caseId, o.itemIds);
  const incidentType = incidentTypeFor(data, o.incidentType);
  const docs: Output[] = [
    { name: 'report.xml', data: reportXml(data, { incidentType, reporter }) },
    ...data.items.map((x) => ({
      name: fileDetailsName(x.item.id),
      data: fileDetailsXml(x, { reportId: PLACEHOLDER_REPORT_ID, fileId: x.item.id }),
    })),
  ];
  if (o.xsd !== undefined) await validateAgainstXsd(o.xsd, docs);
  await writeFolder(o.out, docs);
  const reportId = randomUUID();
  vault.db.transaction(() => {
    touchCase(vault.db, data.case.id);
    record(vault, {
      action: 'report.exported',
      caseId: data.case.id,
      details: {
        reportId,
        kind: 'ncmec',
        recipient: NCMEC_RECIPIENT,
        items: data.items.map((x) => x.item.id),
        incidentType,
        validated: o.xsd !== undefined,
      },
    });
    recordReport(vault, {
      id: reportId,
      kind: 'ncmec',
      caseId: data.case.id,
      recipient: NCMEC_RECIPIENT,
      createdAt: new Date().toISOString(),
      out: o.out,
      outputs: docs.map((d) => ({ name: d.name, sha256: sha256Of(d.data) })),
      files: ledgerFiles(data.items),
    });
  })();
  return {
    reportId,
    kind: 'ncmec',
    out: o.out,
    files: docs.map((d) => d.name),
    items: data.items.length,
  };
}

/**
 * Writes NCMEC's ids into the draft once they are known: the report id into every fileDetails,
 * and each file's id where one was given. A draft changed since it was written is refused (the
 * ledger's hashes say what Custody wrote); a draft already gone (submitted and cleared away) is
 * left alone, and the reference is still recorded.
 */
export async function rewriteNcmecDraft(
  report: ReportRecord,
  reference: string,
  fileRefs: ReadonlyMap<string, string>,
): Promise<ReportRecord['outputs']> {
  if (!/^[1-9][0-9]{0,18}$/.test(reference))
    throw new InvalidInputError(
      `A CyberTipline report id is a positive whole number (the schema's xs:long); "${reference}" is not.`,
    );
  const rewritten: ReportRecord['outputs'] = [];
  const pending: { path: string; data: string }[] = [];
  for (const output of report.outputs) {
    const path = join(report.out, output.name);
    const itemId = /^fileDetails-(.+)\.xml$/.exec(output.name)?.[1];
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      rewritten.push(output);
      continue;
    }
    if (sha256Of(text) !== output.sha256)
      throw new InvalidInputError(
        `${path} was changed after Custody wrote it; the reference was not recorded. Export the draft again.`,
      );
    if (itemId === undefined) {
      rewritten.push(output);
      continue;
    }
    const fileId = fileRefs.get(itemId);
    let next = text.replace(/<reportId>[^<]*<\/reportId>/, `<reportId>${reference}</reportId>`);
    if (fileId !== undefined)
      next = next.replace(/<fileId>[^<]*<\/fileId>/, `<fileId>${xmlSafe(fileId)}</fileId>`);
    pending.push({ path, data: next });
    rewritten.push({ name: output.name, sha256: sha256Of(next) });
  }
  for (const p of pending) await replaceFile(p.path, p.data);
  return rewritten;
}

function xmlSafe(id: string): string {
  if (!/^[A-Za-z0-9._:-]{1,200}$/.test(id))
    throw new InvalidInputError(
      `"${id}" is not a CyberTipline file id (letters, digits, . _ : -).`,
    );
  return id;
}
