import type { Migration } from '../migrate.ts';

export const custodyCheckpoints: Migration = {
  version: 2,
  name: 'custody-checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE custody_checkpoints (
        tree_size INTEGER PRIMARY KEY,
        root BLOB NOT NULL,
        note TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
