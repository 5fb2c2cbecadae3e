// The words of each case as FTS5 cut them (table search_terms, migration 0012), so a search can
// name the words a typed prefix stands for instead of asking FTS5 for the prefix.
//
// Without a prefix index, FTS5 answers `"угроза"*` by merging the doclists of every token that
// begins with угроза, over the whole vault, before it returns a first row: LIMIT does not shorten
// that, and it was most of a search's time (bench/written.bench.ts). A token named in full is read
// lazily, so an OR of the prefix's tokens stops at the limit.
//
// The tokens come from FTS5 itself, never from a second tokenizer kept in step: lines go through
// a scratch FTS5 table with search_lines' own tokenizer in the temp schema, and its fts5vocab
// tables list them. openDatabase keeps the temp schema in memory; the scratch refuses to exist
// anywhere else, since SQLCipher does not encrypt temp files.
import type { Db } from '../store/db.ts';

/** search_lines' tokenizer (migration 0006); the scratch table must cut words the same way. */
const TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'";

const TEMP_STORE_MEMORY = 2;

const ready = new WeakSet<Db>();

function scratchOn(db: Db): Db {
  if (ready.has(db)) return db;
  if (db.pragma('temp_store', { simple: true }) !== TEMP_STORE_MEMORY) {
    throw new Error('search terms: the temp schema is not in memory, so no scratch table is made');
  }
  const sql = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_lines'")
    .pluck()
    .get() as string | undefined;
  if (!sql?.includes(TOKENIZE)) {
    throw new Error(`search terms: search_lines is not made with ${TOKENIZE}`);
  }
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch
      USING fts5(folded, content = '', columnsize = 0, ${TOKENIZE});
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_terms
      USING fts5vocab(temp, search_scratch, row);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_tokens
      USING fts5vocab(temp, search_scratch, instance);
  `);
  ready.add(db);
  return db;
}

/** Runs `read` with `texts` in the scratch table (row i + 1 for texts[i]), then empties it. */
function throughScratch<T>(db: Db, texts: readonly string[], read: () => T): T {
  scratchOn(db);
  const insert = db.prepare('INSERT INTO temp.search_scratch (rowid, folded) VALUES (?, ?)');
  try {
    texts.forEach((t, i) => insert.run(i + 1, t));
    return read();
  } finally {
    db.prepare("INSERT INTO temp.search_scratch (search_scratch) VALUES ('delete-all')").run();
  }
}

/** Records the tokens of a case's new index rows (`folded`, as inserted into search_lines). */
export function recordTerms(db: Db, caseId: string, folded: readonly string[]): void {
  if (folded.length === 0) return;
  // One scratch row for them all: unicode61 cuts at a newline, so the tokens are the rows' tokens,
  // and one row is a third cheaper than a row each.
  throughScratch(db, [folded.join('\n')], () =>
    db
      .prepare(
        'INSERT OR IGNORE INTO search_terms (case_id, term) SELECT ?, term FROM temp.search_scratch_terms',
      )
      .run(caseId),
  );
}

/** The tokens FTS5 makes of `text` (as it would of a query's quoted string), in order. */
export function tokensOf(db: Db, text: string): string[] {
  return throughScratch(
    db,
    [text],
    () =>
      db
        .prepare('SELECT term FROM temp.search_scratch_tokens ORDER BY offset')
        .pluck()
        .all() as string[],
  );
}

/**
 * The least string above every string that begins with `prefix`, so `term >= prefix AND term <
 * above` is "begins with" in SQLite's byte order of UTF-8 (which is code point order): the last
 * code point that can grow, plus one. Null when every string from `prefix` on begins with it.
 */
export function above(prefix: string): string | null {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()?.codePointAt(0) ?? 0x10ffff;
    if (last < 0x10ffff) {
      // No string holds a lone surrogate: past U+D7FF comes U+E000.
      return points.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
    }
  }
  return null;
}

/**
 * The case's tokens that begin with `prefix`, in byte order, or 'more' when there are more than
 * `most` of them.
 */
export function termsWithPrefix(
  db: Db,
  caseId: string,
  prefix: string,
  most: number,
): string[] | 'more' {
  const upper = above(prefix);
  const words = (
    upper === null
      ? db
          .prepare(
            'SELECT term FROM search_terms WHERE case_id = ? AND term >= ? ORDER BY term LIMIT ?',
          )
          .pluck()
          .all(caseId, prefix, most + 1)
      : db
          .prepare(
            'SELECT term FROM search_terms WHERE case_id = ? AND term >= ? AND term < ? ORDER BY term LIMIT ?',
          )
          .pluck()
          .all(caseId, prefix, upper, most + 1)
  ) as string[];
  return words.length > most ? 'more' : words;
}
