// `core.exports`: one case, every recipient. The CyberTipline draft, VICS and CASE/UCO exports and
// the reporter profile they name; each export lands in the custody log and the report ledger.
import type { UnlockedVault } from '../vault/vault.ts';
import type { ReporterProfile } from '../../../shared/domain/reporter.ts';
import { readReporterProfile, writeReporterProfile } from './reporter-profile.ts';
import { exportNcmec, type ExportResult, type NcmecExportOptions } from './ncmec/ncmec-export.ts';
import { exportVics, type VicsExportOptions } from './vics/vics-export.ts';
import { exportCaseUco, type CaseUcoExportOptions } from './case-uco/case-uco-export.ts';

export class ExportService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }
  reporter = (): ReporterProfile | null => readReporterProfile(this.#vault().db);
  setReporter = (p: ReporterProfile): ReporterProfile => writeReporterProfile(this.#vault().db, p);
  ncmec = (o: NcmecExportOptions): Promise<ExportResult> => exportNcmec(this.#vault(), o);
  vics = (o: VicsExportOptions): Promise<ExportResult> => exportVics(this.#vault(), o);
  caseUco = (o: CaseUcoExportOptions): Promise<ExportResult> => exportCaseUco(this.#vault(), o);
}
