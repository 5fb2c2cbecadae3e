// `node bench/search-designs.ts`: the designs weighed for issue 11's search latency
// (docs/decisions.md), over the written bench's 10,000 documents (bench/written.bench.ts) in one encrypted vault. Every
// design's table holds the same rows with the same rowids:
// - 0006: search_lines as migration 0006 made it, each word an FTS5 prefix query (the baseline);
// - prefix23 / prefix2to8: the same with FTS5 prefix indexes of 2 and 3, or 2 to 8, characters;
// - trigram: FTS5's trigram tokenizer, each word a substring query (its answers differ in general:
//   "род" finds "город"; shown for its size and speed);
// - terms: the shipped plan, search_lines as it is and each word an OR of the case's tokens that
//   begin it (search_terms, migration 0012).
// Prints JSON: for each, p50/p95 of the FTS5 part of the aim's 200 queries (planning included,
// MATCH … LIMIT 200, no snippet marks), whether its hits equal 0006's, and its inverted index
// (the FTS5 b-tree, plus search_terms for `terms`) against 0006's. Not run by `npm run bench`.
import { CustodyCore } from '../electron/core/core.ts';
import { createCase } from '../electron/core/cases/case.service.ts';
import { insertIndexedLines } from '../electron/core/search/search-index.queries.ts';
import { termsQuery } from '../electron/core/search/search.service.ts';
import { searchTerms } from '../shared/domain/search-fold.ts';
import { tempDir } from '../tests/helpers/temp.ts';
import { round } from './measure.ts';
import { DOCS, aimQuery, docLines } from './written.bench.ts';

const COLUMNS =
  'folded, raw UNINDEXED, case_id UNINDEXED, item_id UNINDEXED, field UNINDEXED, line UNINDEXED';
const TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'";
const VARIANTS: Record<string, string> = {
  prefix23: `${TOKENIZE}, prefix = '2 3'`,
  prefix2to8: `${TOKENIZE}, prefix = '2 3 4 5 6 7 8'`,
  trigram: "tokenize = 'trigram'",
};

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

function percentiles(times: number[]): { p50Ms: number; p95Ms: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => round(s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN, 2);
  return { p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function main(): Promise<void> {
  const t = await tempDir('custody-bench-designs-');
  const core = new CustodyCore(t.path);
  try {
    await core.create('bench passphrase for search designs');
    const vault = core.vault();
    const db = vault.db;
    const caseId = createCase(vault, { title: 'Bench', kind: 'other' }).id;
    db.transaction(() => {
      for (let d = 0; d < DOCS; d++) insertIndexedLines(db, caseId, `i_bench${d}`, docLines(d));
    })();
    for (const [name, options] of Object.entries(VARIANTS)) {
      process.stderr.write(`building ${name}\n`);
      db.exec(`CREATE VIRTUAL TABLE design_${name} USING fts5(${COLUMNS}, ${options})`);
      db.exec(
        `INSERT INTO design_${name} (rowid, folded, raw, case_id, item_id, field, line)
           SELECT rowid, folded, raw, case_id, item_id, field, line FROM search_lines`,
      );
    }

    const select = (table: string) =>
      db.prepare(
        `SELECT rowid, item_id, field, line FROM ${table} WHERE ${table} MATCH ? AND case_id = ? LIMIT 200`,
      );
    const prefix = (terms: string[]) => terms.map((w) => `${quoted(w)}*`).join(' AND ');
    const designs: Record<string, (terms: string[]) => unknown[]> = {
      '0006': (terms) => select('search_lines').all(prefix(terms), caseId),
      prefix23: (terms) => select('design_prefix23').all(prefix(terms), caseId),
      prefix2to8: (terms) => select('design_prefix2to8').all(prefix(terms), caseId),
      trigram: (terms) => select('design_trigram').all(terms.map(quoted).join(' AND '), caseId),
      terms: (terms) => {
        const match = termsQuery(db, caseId, terms);
        return match === null ? [] : select('search_lines').all(match, caseId);
      },
    };

    const times: Record<string, number[]> = {};
    const same: Record<string, boolean> = {};
    for (let q = 0; q < 200; q++) {
      const terms = searchTerms(aimQuery(q));
      const names = Object.keys(designs);
      // A different design goes first each query.
      const order = [...names.slice(q % names.length), ...names.slice(0, q % names.length)];
      const hits: Record<string, string> = {};
      for (const name of order) {
        const start = performance.now();
        hits[name] = JSON.stringify(designs[name]?.(terms));
        (times[name] ??= []).push(performance.now() - start);
      }
      for (const name of names) same[name] = (same[name] ?? true) && hits[name] === hits['0006'];
    }

    const bytes = (like: string) =>
      db
        .prepare(`SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE ?`)
        .pluck()
        .get(like) as number;
    const inverted = (table: string) => bytes(`${table}_data`) + bytes(`${table}_idx`);
    const base = inverted('search_lines');
    const indexBytes: Record<string, number> = {
      '0006': base,
      prefix23: inverted('design_prefix23'),
      prefix2to8: inverted('design_prefix2to8'),
      trigram: inverted('design_trigram'),
      terms: base + bytes('search_terms'),
    };
    const result = Object.fromEntries(
      Object.keys(designs).map((name) => [
        name,
        {
          ...percentiles(times[name] ?? []),
          sameHitsAs0006: same[name],
          invertedIndexBytes: indexBytes[name],
          invertedIndexRatio: round((indexBytes[name] ?? 0) / base, 2),
        },
      ]),
    );
    process.stdout.write(
      `${JSON.stringify({ documents: DOCS, queries: 200, designs: result }, null, 2)}\n`,
    );
  } finally {
    await core.close();
    await t.cleanup();
  }
}

await main();
