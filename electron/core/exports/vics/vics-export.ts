// `custody export vics`: the case's items as Project VIC VICS JSON for Griffeye, AXIOM or IPED.
import type { UnlockedVault } from '../../vault/vault.ts';
import { collectExport } from '../export-case.ts';
import { writeAndRecord } from '../record-export.ts';
import type { ExportResult } from '../ncmec/ncmec-export.ts';
import { vicsDocument, type VicsVersion } from './vics-json.ts';

export interface VicsExportOptions {
  caseId: string;
  out: string;
  itemIds?: readonly string[] | undefined;
  version?: VicsVersion | undefined;
  recipient?: string | undefined;
}

export async function exportVics(
  vault: UnlockedVault,
  o: VicsExportOptions,
): Promise<ExportResult> {
  const data = collectExport(vault, o.caseId, o.itemIds);
  const version = o.version ?? '2.0';
  const text = JSON.stringify(vicsDocument(data, version), null, 2) + '\n';
  return writeAndRecord(vault, {
    kind: 'vics',
    data,
    out: o.out,
    text,
    recipient: o.recipient ?? 'Project VIC (VICS)',
    details: { version },
  });
}
