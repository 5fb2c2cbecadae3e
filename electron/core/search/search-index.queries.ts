// The search index's rows (table search_lines, migration 0006): one per line of a text layer, per
// header, per file name. Each row holds the line folded for matching and as written for the
// snippet; both live only inside the encrypted database. Every row goes in through
// insertIndexedLines, which records the row's tokens in the case's search terms (search-terms.ts):
// a search expands a prefix to those terms, so a row whose tokens were not recorded would not be
// found.
import type { Db } from '../store/db.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';
import { recordTerms } from './search-terms.ts';

export type IndexedField = 'name' | 'text' | 'header';

export interface IndexedLine {
  field: IndexedField;
  /** 1-based line of the text layer, or null for a name or header. */
  line: number | null;
  raw: string;
}

/** Lines longer than this are indexed in pieces, so a snippet stays a line, not a book. */
const PIECE_CHARS = 2000;

/** A text layer as index rows: each non-blank line (long ones in pieces), with its number. */
export function textLines(text: string): IndexedLine[] {
  const rows: IndexedLine[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed.trim() === '') continue;
    for (let at = 0; at < trimmed.length; at += PIECE_CHARS) {
      rows.push({ field: 'text', line: i + 1, raw: trimmed.slice(at, at + PIECE_CHARS) });
    }
  }
  return rows;
}

export function insertIndexedLines(
  db: Db,
  caseId: string,
  itemId: string,
  lines: readonly IndexedLine[],
): void {
  const insert = db.prepare(
    'INSERT INTO search_lines (folded, raw, case_id, item_id, field, line) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const folded = lines.map((l) => foldForSearch(l.raw));
  lines.forEach((l, i) => insert.run(folded[i], l.raw, caseId, itemId, l.field, l.line));
  recordTerms(db, caseId, folded);
}

/** The headers an extractor put in `facts.headers` (e-mail, web capture), one row per value. */
export function headerLines(facts: Record<string, unknown>): IndexedLine[] {
  const headers = facts.headers;
  if (typeof headers !== 'object' || headers === null) return [];
  const rows: IndexedLine[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v === 'string' && v.trim() !== '') {
        rows.push({ field: 'header', line: null, raw: `${name}: ${v}` });
      }
    }
  }
  return rows;
}
