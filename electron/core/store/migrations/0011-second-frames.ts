import type { Migration } from '../migrate.ts';

/**
 * A video's frames one a second, PDQ-hashed in the background while the machine is idle (issue
 * 12, vPDQ): each with its frame number, time, hash and quality, beside the storyboard's stills
 * (item_frames) but without previews. The pass over each video is resumable: how far it has got is
 * kept, and a pass that could go no further says why.
 */
export const secondFrames: Migration = {
  version: 11,
  name: 'second-frames',
  up(db) {
    db.exec(`
      CREATE TABLE second_frames (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        -- The whole second of the video this frame opens: one hashed frame per second.
        second INTEGER NOT NULL CHECK (second >= 0),
        frame INTEGER NOT NULL,
        time_seconds REAL NOT NULL,
        pdq TEXT NOT NULL,
        quality INTEGER NOT NULL,
        PRIMARY KEY (item_id, second)
      ) STRICT;

      CREATE TABLE second_frames_progress (
        item_id TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
        -- Seconds of the video read so far; the next pass starts here.
        hashed_until REAL NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        -- Why the pass stopped for good (an unreadable stream), or NULL.
        failed TEXT
      ) STRICT;
    `);
  },
};
