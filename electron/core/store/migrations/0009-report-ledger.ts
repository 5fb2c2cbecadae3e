import type { Migration } from '../migrate.ts';

/**
 * What the exports need (issue 14): the case's structured fields (reported accounts, where and when
 * the incident happened) and the report ledger. The ledger's rows name their case and items by id
 * only, with no foreign key: they outlive the case's destruction, holding hashes and references,
 * never content or names. Format: docs/formats/ledger.md.
 */
export const reportLedger: Migration = {
  version: 9,
  name: 'report-ledger',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN reported_accounts TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE cases ADD COLUMN incidents TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE cases ADD COLUMN incident_at TEXT;

      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('packet', 'ncmec', 'vics', 'case-uco')),
        case_id TEXT NOT NULL,
        recipient TEXT NOT NULL,
        created_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        out_path TEXT NOT NULL,
        outputs TEXT NOT NULL DEFAULT '[]',
        reference TEXT,
        referenced_at TEXT
      ) STRICT;
      CREATE INDEX reports_case ON reports(case_id);

      CREATE TABLE report_files (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        md5 TEXT NOT NULL,
        sha1 TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        pdq TEXT,
        file_ref TEXT,
        PRIMARY KEY (report_id, item_id)
      ) STRICT;
      CREATE INDEX report_files_md5 ON report_files(md5);
      CREATE INDEX report_files_sha1 ON report_files(sha1);
      CREATE INDEX report_files_sha256 ON report_files(sha256);
    `);
  },
};
