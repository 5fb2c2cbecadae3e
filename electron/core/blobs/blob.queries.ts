import type { Db } from '../store/db.ts';

export type BlobRole = 'original' | 'preview' | 'text';

/** Registers a committed blob file. Run in the same transaction as the rows that point at it. */
export function insertBlobRow(
  db: Db,
  row: { id: string; caseId: string; role: BlobRole; size: number },
): void {
  db.prepare('INSERT INTO blobs (id, case_id, role, size, created_at) VALUES (?, ?, ?, ?, ?)').run(
    row.id,
    row.caseId,
    row.role,
    row.size,
    new Date().toISOString(),
  );
}

export function blobRowIds(db: Db): Set<string> {
  return new Set(db.prepare('SELECT id FROM blobs').pluck().all() as string[]);
}
