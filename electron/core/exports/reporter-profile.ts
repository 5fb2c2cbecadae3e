// The reporter profile: one row of the vault's settings table, so it is kept under the master key
// with everything else and outlives every case.
import type { Db } from '../store/db.ts';
import { reporterProfileSchema, type ReporterProfile } from '../../../shared/domain/reporter.ts';

const KEY = 'reporter_profile';

export function readReporterProfile(db: Db): ReporterProfile | null {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  if (raw === undefined) return null;
  const parsed = reporterProfileSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export function writeReporterProfile(db: Db, profile: ReporterProfile): ReporterProfile {
  const valid = reporterProfileSchema.parse(profile);
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(
    KEY,
    JSON.stringify(valid),
  );
  return valid;
}
