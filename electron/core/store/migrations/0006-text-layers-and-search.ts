import type { Migration } from '../migrate.ts';

type Db = Parameters<Migration['up']>[0];

const OLD_ROLE = "CHECK (role IN ('original', 'preview'))";
const NEW_ROLE = "CHECK (role IN ('original', 'preview', 'text'))";

/** Rewrites the blobs table's stored CHECK in place, as 0005 does for items (no rebuild, no cascade). */
function widenBlobRoles(db: Db): void {
  const row = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'blobs'")
    .get() as { sql: string };
  if (!row.sql.includes(OLD_ROLE)) throw new Error('blobs: the role CHECK is not as shipped');
  const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'blobs'").run(
      row.sql.replace(OLD_ROLE, NEW_ROLE),
    );
    db.pragma(`schema_version = ${schemaVersion + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

/**
 * Written evidence (issue 11): what an extractor read from an item (facts, links, language), its
 * text layer (the text itself is an encrypted blob of role 'text'; the row says how it was
 * decoded), its dated events for the timeline, and the search index.
 *
 * The index is FTS5 inside this (SQLCipher) database, so no plaintext index exists on disk. It
 * holds one row per line of text, header, name or note, `folded` by shared/domain/search-fold.ts
 * (so ي/ی, ك/ک, case and diacritics compare equal) and `raw` as written, for the snippet.
 * secure-delete makes FTS5 remove a deleted row's tokens from its segments at once.
 */
export const textLayersAndSearch: Migration = {
  version: 6,
  name: 'text-layers-and-search',
  up(db) {
    widenBlobRoles(db);
    db.exec(`
      -- Kind-specific facts an extractor read (e-mail headers, page URL, PDF metadata): JSON object.
      ALTER TABLE items ADD COLUMN facts TEXT NOT NULL DEFAULT '{}';
      -- Links found in the content, as text (never followed): JSON array.
      ALTER TABLE items ADD COLUMN links TEXT NOT NULL DEFAULT '[]';
      -- The text layer's language (ISO 639-1, 'ar', 'fa', 'ru', 'en', …), or NULL.
      ALTER TABLE items ADD COLUMN language TEXT;
      CREATE INDEX items_language ON items(case_id, language);

      CREATE TABLE text_layers (
        item_id TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        blob_id TEXT NOT NULL REFERENCES blobs(id),
        -- The encoding the text was decoded from, and what detection said (they differ once
        -- a reviewer overrides it).
        encoding TEXT,
        detected_encoding TEXT,
        chars INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE item_events (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        at TEXT NOT NULL,
        who TEXT,
        text TEXT NOT NULL,
        line INTEGER,
        PRIMARY KEY (item_id, idx)
      ) STRICT;
      CREATE INDEX item_events_at ON item_events(at);

      CREATE VIRTUAL TABLE search_lines USING fts5(
        folded,
        raw UNINDEXED,
        case_id UNINDEXED,
        item_id UNINDEXED,
        field UNINDEXED,
        line UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 0'
      );
      INSERT INTO search_lines(search_lines, rank) VALUES ('secure-delete', 1);
      -- Items leave only with their case (destroyed): its rows go in one pass over the index.
      CREATE TRIGGER cases_unindexed AFTER DELETE ON cases BEGIN
        DELETE FROM search_lines WHERE case_id = old.id;
      END;
    `);
  },
};
