import type { Migration } from '../migrate.ts';

// Times are ISO-8601 UTC text. JSON columns hold arrays/objects written by typed query functions.
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        emergency INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        languages TEXT NOT NULL DEFAULT '[]',
        external_refs TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        wrapped_key BLOB NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT
      ) STRICT;

      -- Every encrypted file under blobs/, so a crash-orphaned file can be found and swept.
      CREATE TABLE blobs (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('original', 'preview')),
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX blobs_case ON blobs(case_id);

      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'opaque')),
        mime TEXT NOT NULL,
        original_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        sha1 TEXT NOT NULL,
        md5 TEXT NOT NULL,
        pdq TEXT,
        pdq_quality INTEGER,
        pdq_dihedral TEXT,
        width INTEGER,
        height INTEGER,
        metadata TEXT NOT NULL DEFAULT '{}',
        flags TEXT NOT NULL DEFAULT '[]',
        original_blob TEXT NOT NULL REFERENCES blobs(id),
        severity INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (case_id, sha256)
      ) STRICT;
      CREATE INDEX items_case ON items(case_id, created_at);
      CREATE INDEX items_sha1 ON items(sha1);
      CREATE INDEX items_md5 ON items(md5);

      -- Each time the same bytes arrive: the first and every duplicate.
      CREATE TABLE acquisitions (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        source_path TEXT NOT NULL,
        acquired_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX acquisitions_item ON acquisitions(item_id);

      CREATE TABLE previews (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        size TEXT NOT NULL CHECK (size IN ('thumb', 'screen')),
        variant TEXT NOT NULL CHECK (variant IN ('veiled', 'outline', 'grey', 'plain')),
        blob_id TEXT NOT NULL REFERENCES blobs(id),
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        PRIMARY KEY (item_id, size, variant)
      ) STRICT;

      CREATE TABLE categories (
        id TEXT PRIMARY KEY,
        scheme TEXT NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        position INTEGER NOT NULL,
        UNIQUE (scheme, code)
      ) STRICT;

      CREATE TABLE item_categories (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        category_id TEXT NOT NULL REFERENCES categories(id),
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (item_id, category_id)
      ) STRICT;

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (case_id, name)
      ) STRICT;

      CREATE TABLE item_tags (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (item_id, tag_id)
      ) STRICT;

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        item_id TEXT REFERENCES items(id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_item ON notes(item_id);

      -- Append-only, hash-chained. Entries outlive their case: subject ids are plain text, no foreign keys.
      CREATE TABLE custody_entries (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id TEXT,
        item_id TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        prev_hash BLOB NOT NULL,
        hash BLOB NOT NULL
      ) STRICT;
      CREATE INDEX custody_case ON custody_entries(case_id);
      CREATE INDEX custody_item ON custody_entries(item_id);
    `);
  },
};
