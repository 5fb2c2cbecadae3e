// Migrations are history: each one is pinned as it shipped, applied in order from the schema before
// it, and a database from a newer build is refused rather than guessed at.
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { checkMigrationList, migrate, type Migration } from './migrate.ts';
import { migrations } from './migrations/index.ts';

const DIR = join(import.meta.dirname, 'migrations');

/** SHA-256 of each migration file as it shipped. Add a line for a new migration; never change one. */
const shipped: Record<string, string> = {
  '0001-initial.ts': '282a68a55aedc9a00dc2350fbc4464165782313014ccd937cbd92f8b7d1979d6',
  '0002-custody-checkpoints.ts': '48db9960fa4456713e166eed63af20374050b12c904e02580599a7c82a5050ea',
  '0003-default-categories.ts': 'df117c852ffd1e4e2465a45073d6c0e13142d9a7ee7b20e8650c6bf046a9c79c',
  '0004-acquisition-source-bytes.ts':
    'c410236828c61c8fae3443e22761e88037e84ca767483d3dbe0e2178da300664',
  '0005-item-kinds-and-children.ts':
    'fdfd323aecbb0d2c0b9b5d2697cf94e7c1ce7440ee9ff04bb2ec73a663eb3492',
  '0006-text-layers-and-search.ts':
    '1cf47a053277a91d6f035611103b6ad4de4ad3cbb21b08a0ebb597e70829501f',
  '0007-hash-lists.ts': '05facd2186f96adaad2134c58769d846330d03386c6e2e6c10d0c4f8828ea66b',
  '0008-handoff.ts': '394e98eea9324d3f73ae5de2cb7d12f05b1aabe8e414fef7dc664fa5955c6e50',
  '0009-report-ledger.ts': 'f30fc1141aaeea7fb6f84154e82984e5ee6ee3f41d18c982b0e1d505a40068a4',
  '0010-handoff-merge.ts': '636674fd49aca454471c56cabfb35211b523f0f5d26195048bb4d47aa2f3810a',
  '0011-second-frames.ts': '6d8e0eda7c984e86938c3da6bb9b9eac57e9599c0719575b5daf73ab6e28775d',
  '0012-search-terms.ts': 'eaeba6fc738eee099f4fe4fcc23d3052c1823eb33aa163b17607085c1712575b',
};

/** How many migrations come before search-terms: the schema a vault with no search terms has. */
const BEFORE_SEARCH_TERMS = migrations.findIndex((m) => m.name === 'search-terms');

const migrationFiles = () =>
  readdirSync(DIR)
    .filter((f) => /^\d{4}-.+\.ts$/.test(f))
    .sort();
const fresh = () => new Database(':memory:');
const schemaOf = (db: InstanceType<typeof Database>) =>
  db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
const version = (db: InstanceType<typeof Database>) => db.pragma('user_version', { simple: true });

describe('the migration list', () => {
  it('only grows: every shipped migration file is unchanged, and every file is pinned', () => {
    const files = migrationFiles();
    const sha = (f: string) =>
      createHash('sha256')
        .update(readFileSync(join(DIR, f)))
        .digest('hex');
    expect(Object.fromEntries(files.map((f) => [f, sha(f)]))).toEqual(shipped);
    expect(files.length).toBe(migrations.length);
  });

  it('numbers its files and versions 1, 2, 3, … in list order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrationFiles().map((f) => Number(f.slice(0, 4)))).toEqual(
      migrations.map((m) => m.version),
    );
  });

  it('imports nothing but the Migration type: no live data reaches an old migration', () => {
    for (const f of migrationFiles()) {
      const imports = [...readFileSync(join(DIR, f), 'utf8').matchAll(/^import[^;]*;/gm)].map(
        (m) => m[0],
      );
      expect(imports, f).toEqual(["import type { Migration } from '../migrate.ts';"]);
    }
  });

  it('refuses a list with a gap or out of order before touching the database', () => {
    const [a, b, c] = migrations as [Migration, Migration, Migration];
    expect(() => checkMigrationList([a, c])).toThrow(/version 3; at place 2/);
    expect(() => migrate(fresh(), [b, a])).toThrow(/version 2; at place 1/);
  });
});

describe('migrate', () => {
  it('applies each migration from the schema before it, ending where a fresh run ends', () => {
    const oneGo = fresh();
    migrate(oneGo);
    for (let k = 1; k <= migrations.length; k++) {
      const db = fresh();
      migrate(db, migrations.slice(0, k - 1));
      expect(version(db)).toBe(k - 1);
      migrate(db, migrations.slice(0, k));
      expect(version(db)).toBe(k);
      migrate(db);
      expect(schemaOf(db)).toEqual(schemaOf(oneGo));
    }
  });

  it('keeps rows written under an older schema', () => {
    const db = fresh();
    migrate(db, migrations.slice(0, 1));
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('kept', '"yes"');
    migrate(db);
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('kept')).toBe(
      '"yes"',
    );
    expect(
      db
        .prepare('SELECT scheme, count(*) AS n FROM categories GROUP BY scheme ORDER BY scheme')
        .all(),
    ).toEqual([
      { scheme: 'copine', n: 10 },
      { scheme: 'custody', n: 9 },
      { scheme: 'dhs-cat', n: 6 },
      { scheme: 'industry', n: 4 },
      { scheme: 'uk-sc2014', n: 3 },
      { scheme: 'vics-us', n: 5 },
    ]);
  });

  it('widens item kinds in place: an item from before keeps its acquisitions and previews', () => {
    const db = fresh();
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4));
    db.exec(`
      INSERT INTO cases (id, title, kind, wrapped_key, created_at, updated_at)
        VALUES ('c1', 't', 'other', x'00', 'now', 'now');
      INSERT INTO blobs (id, case_id, role, size, created_at) VALUES ('b1', 'c1', 'original', 1, 'now');
      INSERT INTO items (id, case_id, kind, mime, original_name, size, sha256, sha1, md5, original_blob, created_at)
        VALUES ('i1', 'c1', 'image', 'image/png', 'a.png', 1, 's', 's', 'm', 'b1', 'now');
      INSERT INTO acquisitions (item_id, source_path, acquired_at) VALUES ('i1', 'a.png', 'now');
      INSERT INTO previews (item_id, size, variant, blob_id, mime, width, height)
        VALUES ('i1', 'thumb', 'veiled', 'b1', 'image/jpeg', 1, 1);
    `);
    migrate(db);
    expect(db.prepare('SELECT count(*) FROM acquisitions').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM previews').pluck().get()).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const add = (id: string, kind: string) =>
      db
        .prepare(
          `INSERT INTO items (id, case_id, kind, mime, original_name, size, sha256, sha1, md5, original_blob, created_at, parent_id, path_in_parent)
           VALUES (?, 'c1', ?, 'x', 'n', 1, ?, 's', 'm', 'b1', 'now', 'i1', 'inside/n')`,
        )
        .run(id, kind, id);
    add('i2', 'email');
    expect(() => add('i3', 'bogus')).toThrow(/CHECK constraint/);
    db.prepare("DELETE FROM items WHERE id = 'i1'").run();
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(0);
  });

  it('fills the search terms of an index written before them, case by case, in the memory temp store', () => {
    const db = fresh();
    db.pragma('temp_store = MEMORY');
    migrate(db, migrations.slice(0, BEFORE_SEARCH_TERMS));
    db.exec(`
      INSERT INTO cases (id, title, kind, wrapped_key, created_at, updated_at)
        VALUES ('c1', 't', 'other', x'00', 'now', 'now'), ('c2', 't', 'other', x'00', 'now', 'now');
    `);
    const line = db.prepare(
      "INSERT INTO search_lines (folded, raw, case_id, item_id, field, line) VALUES (?, ?, ?, 'i', 'text', 1)",
    );
    line.run('угроза: мы найдём тебя', 'Угроза: мы найдём тебя', 'c1');
    line.run('threat-1@example.org پیدا', 'threat-1@example.org پیدا', 'c1');
    line.run('угроза город', 'угроза город', 'c2');
    // A line of a case that is gone (never the case: the trigger removes them) is left alone.
    line.run('orphan', 'orphan', 'c9');
    migrate(db);
    const terms = (caseId: string) =>
      db
        .prepare('SELECT term FROM search_terms WHERE case_id = ? ORDER BY term')
        .pluck()
        .all(caseId);
    expect(terms('c1')).toEqual(
      ['1', 'example', 'org', 'threat', 'мы', 'найдём', 'тебя', 'угроза', 'پیدا'].sort(),
    );
    expect(terms('c2')).toEqual(['город', 'угроза']);
    expect(terms('c9')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM sqlite_temp_master').pluck().get()).toBe(0);
    db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
    expect(terms('c1')).toEqual([]);
    expect(terms('c2')).toEqual(['город', 'угроза']);
  });

  it('refuses to fill search terms through a temp store on disk, and leaves the schema before it', () => {
    const db = fresh();
    db.pragma('temp_store = FILE');
    migrate(db, migrations.slice(0, BEFORE_SEARCH_TERMS));
    db.exec(`
      INSERT INTO cases (id, title, kind, wrapped_key, created_at, updated_at)
        VALUES ('c1', 't', 'other', x'00', 'now', 'now');
      INSERT INTO search_lines (folded, raw, case_id, item_id, field, line)
        VALUES ('угроза', 'угроза', 'c1', 'i', 'text', 1);
    `);
    expect(() => migrate(db)).toThrow(/temp schema is not in memory/);
    expect(version(db)).toBe(BEFORE_SEARCH_TERMS);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'search_terms'").pluck().get(),
    ).toBe(0);
  });

  it('refuses a database from a newer build with DB_TOO_NEW, and leaves it as it was', () => {
    const db = fresh();
    migrate(db);
    db.pragma(`user_version = ${migrations.length + 1}`);
    const before = schemaOf(db);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(version(db)).toBe(migrations.length + 1);
    expect(schemaOf(db)).toEqual(before);
  });
});
