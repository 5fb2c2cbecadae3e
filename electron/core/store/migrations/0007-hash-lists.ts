import type { Migration } from '../migrate.ts';

// The schemes' rows as they were when this migration shipped (shared/domain/category-schemes.ts
// may change later; a vault migrated then must still get these). Ids are `${scheme}:${code}`.
const schemes: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string]>]> = [
  [
    'industry',
    [
      ['A1', 'A1'],
      ['A2', 'A2'],
      ['B1', 'B1'],
      ['B2', 'B2'],
    ],
  ],
  [
    'vics-us',
    [
      ['0', 'Non-pertinent'],
      ['1', 'CAM'],
      ['2', 'Exploitive / age-difficult'],
      ['3', 'CGI / animation'],
      ['4', 'Comparison'],
    ],
  ],
  [
    'dhs-cat',
    [
      ['CAT0', 'CAT-0 Uncategorised'],
      ['CAT1', 'CAT-1 Child abuse material'],
      ['CAT2', 'CAT-2 Child exploitive / age difficult'],
      ['CAT3', 'CAT-3 Adult pornography'],
      ['CAT4', 'CAT-4 Non-pertinent'],
      ['CAT5', 'CAT-5 Other / comparison'],
    ],
  ],
  [
    'uk-sc2014',
    [
      ['A', 'Category A'],
      ['B', 'Category B'],
      ['C', 'Category C'],
    ],
  ],
  [
    'copine',
    [
      ['1', 'COPINE 1 Indicative'],
      ['2', 'COPINE 2 Nudist'],
      ['3', 'COPINE 3 Erotica'],
      ['4', 'COPINE 4 Posing'],
      ['5', 'COPINE 5 Erotic posing'],
      ['6', 'COPINE 6 Explicit erotic posing'],
      ['7', 'COPINE 7 Explicit sexual activity'],
      ['8', 'COPINE 8 Assault'],
      ['9', 'COPINE 9 Gross assault'],
      ['10', 'COPINE 10 Sadistic / bestiality'],
    ],
  ],
];

/** Hash lists (docs/formats/hash-lists.md), their entries, the matches found, and the schemes' categories. */
export const hashLists: Migration = {
  version: 7,
  name: 'hash-lists',
  up(db) {
    db.exec(`
      -- One row per list; a newer version of the same name replaces it in place (versions keeps
      -- the provenance of each: file, its SHA-256, time, what it added and removed).
      CREATE TABLE hash_lists (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL,
        version INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        threshold INTEGER NOT NULL,
        known_illegal INTEGER NOT NULL DEFAULT 0,
        negative INTEGER NOT NULL DEFAULT 0,
        enabled INTEGER NOT NULL DEFAULT 1,
        versions TEXT NOT NULL DEFAULT '[]'
      ) STRICT;

      -- value: lower-case hex for computable types, the list's own text otherwise.
      CREATE TABLE hash_list_entries (
        list_id TEXT NOT NULL REFERENCES hash_lists(id) ON DELETE CASCADE,
        hash_type TEXT NOT NULL,
        value TEXT NOT NULL,
        category_id TEXT,
        negative INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (list_id, hash_type, value)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hash_list_entries_value ON hash_list_entries(hash_type, value);

      -- A match is kept per list version: a rejected one stays rejected for that version only.
      CREATE TABLE hash_matches (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        list_id TEXT NOT NULL REFERENCES hash_lists(id) ON DELETE CASCADE,
        list_version INTEGER NOT NULL,
        hash_type TEXT NOT NULL,
        value TEXT NOT NULL,
        distance INTEGER NOT NULL,
        variant TEXT,
        category_id TEXT,
        negative INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'rejected')),
        found_at TEXT NOT NULL,
        UNIQUE (item_id, list_id, list_version, hash_type, value)
      ) STRICT;
      CREATE INDEX hash_matches_list ON hash_matches(list_id, list_version);
      CREATE INDEX items_sha256 ON items(sha256);
    `);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO categories (id, scheme, code, label, position) VALUES (?, ?, ?, ?, ?)',
    );
    for (const [scheme, rows] of schemes)
      rows.forEach(([code, label], i) =>
        insert.run(`${scheme}:${code}`, scheme, code, label, i + 1),
      );
  },
};
