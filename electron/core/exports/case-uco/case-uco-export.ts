// `custody export case-uco`: the case as CASE/UCO JSON-LD for forensic exchange.
import type { UnlockedVault } from '../../vault/vault.ts';
import { toolInfo } from '../../packets/collect.ts';
import { collectExport } from '../export-case.ts';
import { writeAndRecord } from '../record-export.ts';
import type { ExportResult } from '../ncmec/ncmec-export.ts';
import { caseUcoDocument } from './case-uco-jsonld.ts';

export interface CaseUcoExportOptions {
  caseId: string;
  out: string;
  itemIds?: readonly string[] | undefined;
  recipient?: string | undefined;
}

export async function exportCaseUco(
  vault: UnlockedVault,
  o: CaseUcoExportOptions,
): Promise<ExportResult> {
  const data = collectExport(vault, o.caseId, o.itemIds);
  const text = JSON.stringify(caseUcoDocument(data, toolInfo()), null, 2) + '\n';
  return writeAndRecord(vault, {
    kind: 'case-uco',
    data,
    out: o.out,
    text,
    recipient: o.recipient ?? 'CASE/UCO recipient',
  });
}
