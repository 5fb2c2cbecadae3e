import type { Migration } from '../migrate.ts';

/**
 * Shift handoff (docs/formats/handoff.md): who made each custody entry, the colleagues this
 * workstation trusts, the cases it has handed over, and what it received with its proofs.
 */
export const handoff: Migration = {
  version: 8,
  name: 'handoff',
  up(db) {
    db.exec(`
      -- The reviewer's display name and the workstation fingerprint at the time; NULL on entries
      -- written before there were reviewers, whose hashes therefore stay as they were.
      ALTER TABLE custody_entries ADD COLUMN reviewer TEXT;
      ALTER TABLE custody_entries ADD COLUMN workstation TEXT;

      -- Pinned from a signed workstation card: later bundles must be signed by this key.
      CREATE TABLE colleagues (
        fingerprint TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        signing_key BLOB NOT NULL,
        age_recipient TEXT NOT NULL,
        card TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;

      -- A case while it is with a colleague: read-only here until it comes back or is taken back.
      CREATE TABLE case_handoffs (
        case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        colleague_fingerprint TEXT NOT NULL,
        colleague_name TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        bundle_sha256 TEXT NOT NULL,
        tree_size INTEGER NOT NULL,
        -- Taken back by override: writable again, and still merged if the colleague sends it back.
        status TEXT NOT NULL DEFAULT 'with-colleague' CHECK (status IN ('with-colleague', 'taken-back')),
        -- Each item's category as sent: the base a returned categorisation is merged against.
        sent_categories TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      -- Every bundle taken in, so an older one of the same case is refused as a replay.
      CREATE TABLE received_bundles (
        bundle_sha256 TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        sender_fingerprint TEXT NOT NULL,
        sender_tree_size INTEGER NOT NULL,
        checkpoint TEXT NOT NULL,
        -- This workstation's own checkpoint signed right after the case.received entry.
        receipt_checkpoint TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX received_bundles_case ON received_bundles(case_id, sender_fingerprint);

      -- Another workstation's entries about a case, each with its inclusion proof: proven history,
      -- shown beside this log's own entries and never editable.
      CREATE TABLE received_entries (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        sender_fingerprint TEXT NOT NULL,
        seq INTEGER NOT NULL,
        entry TEXT NOT NULL,
        proof TEXT NOT NULL,
        bundle_sha256 TEXT NOT NULL,
        PRIMARY KEY (case_id, sender_fingerprint, seq)
      ) STRICT;

      -- A categorisation that came back different from this workstation's: kept for a decision.
      CREATE TABLE handoff_conflicts (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        ours TEXT,
        theirs TEXT,
        colleague_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (item_id, colleague_fingerprint)
      ) STRICT;
    `);
  },
};
