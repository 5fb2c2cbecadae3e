import type { Migration } from '../migrate.ts';

// Every kind of evidence DESIGN step 3 names, as it was when this migration shipped.
const KINDS = [
  'image',
  'video',
  'audio',
  'text',
  'chat',
  'email',
  'web',
  'pdf',
  'document',
  'archive',
  'opaque',
] as const;

const OLD_CHECK = "CHECK (kind IN ('image', 'opaque'))";
const NEW_CHECK = `CHECK (kind IN (${KINDS.map((k) => `'${k}'`).join(', ')}))`;

/**
 * Written evidence, media and containers (issues 11 and 12): every item kind, child items that keep
 * their parent and their path inside it, a damaged flag with its reason, the time the evidence says
 * it happened, and frames (video keyframes, PDF pages) with their own veiled previews.
 *
 * Widening a CHECK changes nothing on disk, so the items table's stored SQL is rewritten in place
 * (SQLite's documented procedure for such changes, "Making Other Kinds Of Table Schema Changes")
 * rather than rebuilt: a rebuild would have to drop `items`, whose ON DELETE CASCADE children
 * (acquisitions, previews, notes) must not be touched.
 */
export const itemKindsAndChildren: Migration = {
  version: 5,
  name: 'item-kinds-and-children',
  up(db) {
    const row = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'items'")
      .get() as { sql: string };
    if (!row.sql.includes(OLD_CHECK)) throw new Error('items: the kind CHECK is not as shipped');
    const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
    db.unsafeMode(true); // lifts SQLITE_DBCONFIG_DEFENSIVE for this one statement
    try {
      db.pragma('writable_schema = ON');
      db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'items'").run(
        row.sql.replace(OLD_CHECK, NEW_CHECK),
      );
      db.pragma(`schema_version = ${schemaVersion + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
    db.exec(`
      ALTER TABLE items ADD COLUMN parent_id TEXT REFERENCES items(id) ON DELETE CASCADE;
      -- The child's path inside its parent ('attachments/2/photo.jpg', 'page 3'); NULL at top level.
      ALTER TABLE items ADD COLUMN path_in_parent TEXT;
      -- Why the file could not be decoded; NULL when it could. A damaged item is kept as evidence.
      ALTER TABLE items ADD COLUMN damaged TEXT;
      -- When the evidence says it happened (capture time, e-mail date, page capture): ISO-8601 UTC.
      ALTER TABLE items ADD COLUMN event_at TEXT;
      CREATE INDEX items_parent ON items(parent_id);
      CREATE INDEX items_event ON items(case_id, event_at);

      -- Frames of one item: a video's keyframes (time_seconds) or a document's pages (page).
      CREATE TABLE item_frames (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        time_seconds REAL,
        page INTEGER,
        pdq TEXT,
        pdq_quality INTEGER,
        width INTEGER,
        height INTEGER,
        PRIMARY KEY (item_id, idx)
      ) STRICT;

      -- A frame's previews, in the same sizes and variants as an image's.
      CREATE TABLE frame_previews (
        item_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        size TEXT NOT NULL CHECK (size IN ('thumb', 'screen')),
        variant TEXT NOT NULL CHECK (variant IN ('veiled', 'outline', 'grey', 'plain')),
        blob_id TEXT NOT NULL REFERENCES blobs(id),
        mime TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        PRIMARY KEY (item_id, idx, size, variant),
        FOREIGN KEY (item_id, idx) REFERENCES item_frames(item_id, idx) ON DELETE CASCADE
      ) STRICT;
    `);
  },
};
