// One search over a case: the FTS5 index (text layers, headers, file names) and, read live from
// their tables, notes, tags and hash prefixes. Every query word must be in the hit's line (or note,
// tag); words match by prefix, folded as search-fold.ts folds. A hit in the words of an item behind
// the text gate keeps its item, field and line but answers no snippet: the gate is the core's.
import type { UnlockedVault } from '../vault/vault.ts';
import type { Db } from '../store/db.ts';
import { getCase } from '../cases/case.service.ts';
import { foldingOn } from '../items/item.queries.ts';
import { searchTerms } from '../../../shared/domain/search-fold.ts';
import type { SearchHit } from '../../../shared/domain/written.ts';
import { markTerms } from './search-marks.ts';
import { termsWithPrefix, tokensOf } from './search-terms.ts';

const HEX_PREFIX = /^[0-9a-f]{6,}$/;

// Hits come in index order: ranking (bm25) every match of a common word cost p50 840 ms over
// 10,000 documents (bench/written.bench.ts); the first `limit` lines are returned instead.

/**
 * How a query's words reach FTS5. 'prefix' (migration 0006's plan): each word as a quoted prefix
 * token, which FTS5 answers by gathering every token of the prefix before the first row. 'terms':
 * each word replaced by the case's tokens that begin with it (search-terms.ts), an OR FTS5 reads
 * lazily up to the limit. The two give the same hits in the same order; 'prefix' stays for the
 * bench's baseline and the tests that prove it.
 */
export type SearchPlan = 'terms' | 'prefix';

type Mark = (raw: string, terms: readonly string[]) => [number, number][];

/** How a search runs: as shipped unless told; the bench's baseline and the tests tell 0006's. */
export interface SearchWay {
  plan?: SearchPlan;
  mark?: Mark;
}

/** At most this many tokens stand in for a word (an OR costs ~15 µs a token); past it, 'prefix'. */
export const MOST_TERMS = 256;

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Every term as a quoted prefix token, so no term is read as syntax. */
function prefixQuery(terms: readonly string[]): string {
  return terms.map((t) => `${quoted(t)}*`).join(' AND ');
}

/**
 * The 'terms' plan's FTS5 query: each word that FTS5 reads as one token becomes an OR of the
 * case's tokens that begin with it. A word of several tokens (`doc-12`, an address) stays a
 * prefix phrase: an OR of phrases re-reads the phrase's first tokens once per phrase (`doc-37`
 * over the bench's 10,000 file names: 28 ms as 111 phrases, 0.5 ms as a prefix). So does a word
 * with more than MOST_TERMS tokens. Null when a word begins no token of the case: then no line
 * holds every word.
 */
export function termsQuery(db: Db, caseId: string, terms: readonly string[]): string | null {
  const parts: string[] = [];
  for (const t of terms) {
    const tokens = tokensOf(db, t);
    const token = tokens[0];
    const words =
      tokens.length === 1 && token !== undefined
        ? termsWithPrefix(db, caseId, token, MOST_TERMS)
        : 'more';
    if (words === 'more') parts.push(`${quoted(t)}*`);
    else if (words.length === 0) return null;
    else parts.push(`(${words.map(quoted).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

interface LineRow {
  item_id: string;
  field: SearchHit['field'];
  line: number | null;
  raw: string;
}

function indexHits(
  db: Db,
  caseId: string,
  terms: string[],
  limit: number,
  plan: SearchPlan,
  mark: Mark,
): SearchHit[] {
  // One read of the vault for the terms and the lines, so a writer in another process cannot
  // commit lines between them whose tokens the OR leaves out.
  const rows = db.transaction(() => {
    const match = plan === 'prefix' ? prefixQuery(terms) : termsQuery(db, caseId, terms);
    if (match === null) return [];
    return db
      .prepare(
        `SELECT item_id, field, line, raw FROM search_lines
         WHERE search_lines MATCH ? AND case_id = ? LIMIT ?`,
      )
      .all(match, caseId, limit) as LineRow[];
  })();
  return rows.map((r) => ({
    itemId: r.item_id,
    field: r.field,
    line: r.line,
    snippet: r.raw,
    marks: mark(r.raw, terms),
    gated: false,
  }));
}

/** Notes and tags change as the reviewer works, so they are matched where they are kept. */
function liveHits(db: Db, caseId: string, terms: string[], limit: number, mark: Mark): SearchHit[] {
  foldingOn(db);
  const all = terms.map(() => 'instr(custody_fold(body), ?) > 0').join(' AND ');
  const rows = db
    .prepare(
      `SELECT item_id, 'note' AS field, body FROM notes
         WHERE case_id = ? AND item_id IS NOT NULL AND ${all}
       UNION ALL
       SELECT it.item_id, 'tag', t.name AS body FROM tags t JOIN item_tags it ON it.tag_id = t.id
         WHERE t.case_id = ? AND ${all.replaceAll('body', 't.name')}
       LIMIT ?`,
    )
    .all(caseId, ...terms, caseId, ...terms, limit) as {
    item_id: string;
    field: 'note' | 'tag';
    body: string;
  }[];
  return rows.map((r) => {
    // A note's hit is its line holding the first word.
    const lines = r.body.split('\n');
    const snippet = lines.find((l) => mark(l, terms.slice(0, 1)).length > 0) ?? lines[0] ?? '';
    return {
      itemId: r.item_id,
      field: r.field,
      line: null,
      snippet,
      marks: mark(snippet, terms),
      gated: false,
    };
  });
}

function hashHits(db: Db, caseId: string, terms: string[], limit: number): SearchHit[] {
  const hex = terms.filter((t) => HEX_PREFIX.test(t));
  if (hex.length !== 1 || terms.length !== 1) return [];
  const prefix = hex[0] ?? '';
  const rows = db
    .prepare(
      `SELECT id, md5, sha1, sha256, pdq FROM items WHERE case_id = @caseId
         AND (md5 LIKE @p OR sha1 LIKE @p OR sha256 LIKE @p OR pdq LIKE @p) LIMIT @limit`,
    )
    .all({ caseId, p: `${prefix}%`, limit }) as Record<'id' | 'md5' | 'sha1' | 'sha256', string>[];
  return rows.map((r) => {
    const hash = [r.sha256, r.sha1, r.md5].find((h) => h.startsWith(prefix)) ?? r.sha256;
    const marks: [number, number][] = [[0, prefix.length]];
    return { itemId: r.id, field: 'hash', line: null, snippet: hash, marks, gated: false };
  });
}

/** The evidence's own words (text lines, headers); names are not content, notes and tags are the reviewer's. */
const WRITTEN_FIELDS: ReadonlySet<SearchHit['field']> = new Set(['text', 'header']);

function withhold(hit: SearchHit, hidden: (itemId: string) => boolean): SearchHit {
  if (!WRITTEN_FIELDS.has(hit.field) || !hidden(hit.itemId)) return hit;
  return { ...hit, snippet: '', marks: [], gated: true };
}

/** `hidden` names the items whose words are behind the text gate now. */
export function searchCase(
  vault: UnlockedVault,
  caseId: string,
  query: string,
  hidden: (itemId: string) => boolean,
  limit = 200,
  { plan = 'terms', mark = markTerms }: SearchWay = {},
): { hits: SearchHit[] } {
  getCase(vault, caseId);
  const terms = searchTerms(query);
  if (terms.length === 0) return { hits: [] };
  const hits = [
    ...hashHits(vault.db, caseId, terms, limit),
    ...liveHits(vault.db, caseId, terms, limit, mark),
    ...indexHits(vault.db, caseId, terms, limit, plan, mark),
  ];
  return { hits: hits.slice(0, limit).map((h) => withhold(h, hidden)) };
}

/** `core.search`: every word of a case, as the text gate allows. */
export class SearchService {
  readonly #vault: () => UnlockedVault;
  readonly #hiddenIn: (caseId: string) => (itemId: string) => boolean;
  constructor(
    vault: () => UnlockedVault,
    hiddenIn: (caseId: string) => (itemId: string) => boolean,
  ) {
    this.#vault = vault;
    this.#hiddenIn = hiddenIn;
  }
  query = (caseId: string, query: string, limit?: number) => {
    const vault = this.#vault();
    getCase(vault, caseId);
    return searchCase(vault, caseId, query, this.#hiddenIn(caseId), limit);
  };
}
