// One file exports (VICS, CASE/UCO): written whole, then recorded in the custody log and the report
// ledger in one transaction.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { UnlockedVault } from '../vault/vault.ts';
import { record } from '../custody/custody-log.ts';
import { touchCase } from '../cases/case.queries.ts';
import { recordReport } from '../ledger/ledger.service.ts';
import type { Json } from '../custody/canonical.ts';
import type { ReportKind } from '../../../shared/domain/ledger.ts';
import { ledgerFiles, type ExportCase } from './export-case.ts';
import { sha256Of, writeOneFile } from './write-out.ts';
import type { ExportResult } from './ncmec/ncmec-export.ts';

export async function writeAndRecord(
  vault: UnlockedVault,
  o: {
    kind: ReportKind;
    data: ExportCase;
    out: string;
    text: string;
    recipient: string;
    details?: { [key: string]: Json };
  },
): Promise<ExportResult> {
  await writeOneFile(o.out, o.text);
  const reportId = randomUUID();
  vault.db.transaction(() => {
    touchCase(vault.db, o.data.case.id);
    record(vault, {
      action: 'report.exported',
      caseId: o.data.case.id,
      details: {
        reportId,
        kind: o.kind,
        recipient: o.recipient,
        items: o.data.items.map((x) => x.item.id),
        ...o.details,
      },
    });
    recordReport(vault, {
      id: reportId,
      kind: o.kind,
      caseId: o.data.case.id,
      recipient: o.recipient,
      createdAt: new Date().toISOString(),
      out: o.out,
      outputs: [{ name: basename(o.out), sha256: sha256Of(o.text) }],
      files: ledgerFiles(o.data.items),
    });
  })();
  return {
    reportId,
    kind: o.kind,
    out: o.out,
    files: [basename(o.out)],
    items: o.data.items.length,
  };
}
