import type { Migration } from '../migrate.ts';

/**
 * Shift handoff, completed (issue 15): the hash-list matches a colleague's workstation found, kept
 * with the list's name and version (this vault may not hold that list), and one table of merge
 * conflicts for both an item's category and the case's own fields, each with an id to resolve it
 * by. The case as it was sent is kept beside the categories sent: the base a returned case's
 * fields are merged against.
 */
export const handoffMerge: Migration = {
  version: 10,
  name: 'handoff-merge',
  up(db) {
    db.exec(`
      ALTER TABLE case_handoffs ADD COLUMN sent_case TEXT NOT NULL DEFAULT '{}';

      CREATE TABLE received_matches (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        sender_fingerprint TEXT NOT NULL,
        list_name TEXT NOT NULL,
        list_version INTEGER NOT NULL,
        hash_type TEXT NOT NULL,
        value TEXT NOT NULL,
        distance INTEGER NOT NULL,
        variant TEXT,
        category_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'rejected')),
        found_at TEXT NOT NULL,
        PRIMARY KEY (item_id, list_name, list_version, hash_type, value)
      ) STRICT;

      -- field: 'category' (item_id set) or a case field ('title', 'notes', …; item_id NULL).
      -- ours and theirs are JSON values.
      CREATE TABLE case_conflicts (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        item_id TEXT REFERENCES items(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        ours TEXT NOT NULL,
        theirs TEXT NOT NULL,
        colleague_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX case_conflicts_subject ON case_conflicts(case_id, coalesce(item_id, ''), field);

      INSERT INTO case_conflicts (case_id, item_id, field, ours, theirs, colleague_fingerprint, created_at)
        SELECT i.case_id, hc.item_id, 'category', json_quote(hc.ours), json_quote(hc.theirs),
               hc.colleague_fingerprint, hc.created_at
        FROM handoff_conflicts hc JOIN items i ON i.id = hc.item_id;
      DROP TABLE handoff_conflicts;
    `);
  },
};
