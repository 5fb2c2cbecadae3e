import type { Migration } from '../migrate.ts';

type Db = Parameters<Migration['up']>[0];

/** search_lines' tokenizer as migration 0006 made it. */
const TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'";

/**
 * Fills search_terms from the index rows already written, a case at a time: the case's folded
 * lines go through a scratch FTS5 table with search_lines' tokenizer (no positions: only the
 * tokens are wanted), in the temp schema, which openDatabase keeps in memory (SQLCipher does not
 * encrypt temp files, so the words are refused a temp file rather than written to one).
 */
function termsOfIndexedLines(db: Db): void {
  const cases = db
    .prepare(
      'SELECT DISTINCT case_id FROM search_lines WHERE case_id IN (SELECT id FROM cases) ORDER BY case_id',
    )
    .pluck()
    .all() as string[];
  if (cases.length === 0) return;
  if (db.pragma('temp_store', { simple: true }) !== 2) {
    throw new Error('search terms: the temp schema is not in memory');
  }
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_lines'")
    .pluck()
    .get() as string;
  if (!sql.includes(TOKENIZE)) throw new Error('search_lines: the tokenizer is not as shipped');
  db.exec(`
    CREATE VIRTUAL TABLE temp.search_terms_0012
      USING fts5(folded, content = '', detail = none, columnsize = 0, ${TOKENIZE});
    CREATE VIRTUAL TABLE temp.search_terms_0012_vocab
      USING fts5vocab(temp, search_terms_0012, row);
  `);
  const lines = db.prepare(
    'INSERT INTO temp.search_terms_0012 (rowid, folded) SELECT rowid, folded FROM search_lines WHERE case_id = ?',
  );
  const terms = db.prepare(
    'INSERT OR IGNORE INTO search_terms (case_id, term) SELECT ?, term FROM temp.search_terms_0012_vocab',
  );
  const empty = db.prepare(
    "INSERT INTO temp.search_terms_0012 (search_terms_0012) VALUES ('delete-all')",
  );
  for (const caseId of cases) {
    lines.run(caseId);
    terms.run(caseId);
    empty.run();
  }
  db.exec(`
    DROP TABLE temp.search_terms_0012_vocab;
    DROP TABLE temp.search_terms_0012;
  `);
}

/**
 * Search speed (issue 11): every token of each case's index rows, by case, so a search asks FTS5
 * for the tokens a typed prefix stands for by name (read lazily, up to the limit) instead of
 * `prefix*` (every doclist of the prefix merged before the first row). The terms are as sensitive
 * as the index: they live in this encrypted database only and go with their case. The index
 * itself is unchanged; its rows from before this migration have their terms filled in here.
 */
export const searchTerms: Migration = {
  version: 12,
  name: 'search-terms',
  up(db) {
    db.exec(`
      CREATE TABLE search_terms (
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        -- A token as FTS5 made it of search_lines.folded.
        term TEXT NOT NULL,
        PRIMARY KEY (case_id, term)
      ) STRICT, WITHOUT ROWID;
    `);
    termsOfIndexedLines(db);
  },
};
