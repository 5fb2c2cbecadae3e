// Written evidence (issue 11), each against a baseline of the same run:
// - search: p50/p95 of search:query's core over a case of 10,000 indexed documents (20 lines
//   each, Russian, Arabic, Farsi and English words), inside the encrypted database, with the
//   search as it was (every word an FTS5 prefix query) as the same-run baseline, per query shape
//   too; the index's size with the search terms against without. Aim p95 < 100 ms.
//   bench/search-designs.ts weighs the other designs (prefix indexes, trigram) the same way.
// - textExtract / emailExtract: MB/s of the plain-text (windows-1251, detection included) and
//   e-mail extractors in process, over the same 16 MiB of text.
// - zipUnpack vs bareUnzip: the ZIP extractor (limits, names, children in memory) against Debian's
//   `unzip -p` of the same archive to /dev/null.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { randomBytes } from 'node:crypto';
import { CustodyCore } from '../electron/core/core.ts';
import { createCase } from '../electron/core/cases/case.service.ts';
import {
  insertIndexedLines,
  textLines,
  type IndexedLine,
} from '../electron/core/search/search-index.queries.ts';
import {
  searchCase,
  type SearchPlan,
  type SearchWay,
} from '../electron/core/search/search.service.ts';
import { markTermsByRegex } from '../tests/helpers/mark-terms-by-regex.ts';
import { migrations } from '../electron/core/store/migrations/index.ts';
import type { Db } from '../electron/core/store/db.ts';
import { foldForSearch } from '../shared/domain/search-fold.ts';
import { extractText } from '../electron/core/extract/text/text.extractor.ts';
import { extractEmail } from '../electron/core/extract/email/email.extractor.ts';
import { extractZip } from '../electron/core/extract/archive/zip.extractor.ts';
import { DEFAULT_LIMITS } from '../electron/core/extract/extract-result.ts';
import { round, timed } from './measure.ts';
import { tempDir } from '../tests/helpers/temp.ts';

export const DOCS = 10_000;
const WORDS = [
  'угроза',
  'завтра',
  'город',
  'семья',
  'رسالة',
  'المدينة',
  'عائلتك',
  'تهدید',
  'شهر',
  'خانواده',
  'threat',
  'tomorrow',
  'posting',
  'city',
  'family',
  'address',
  'school',
  'video',
  'найдём',
  'پیدا',
];
const word = (i: number) => WORDS[i % WORDS.length] ?? 'x';

function percentile(sorted: number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN, 2);
}

function latency(times: number[]): { p50Ms: number; p95Ms: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
}

const first = (w: string, n: number) => [...w].slice(0, n).join('');

/** The aim's queries: a word, or two (each a prefix here: every token has a number on it). */
export const aimQuery = (q: number) => (q % 2 === 0 ? word(q) : `${word(q)} ${word(q + 5)}`);

/** Query shapes, profiled one by one: which are slow, before and after. */
const SHAPES: Record<string, (q: number) => string> = {
  word: (q) => word(q),
  twoWords: (q) => `${word(q)} ${word(q + 5)}`,
  oneLetter: (q) => first(word(q), 1),
  twoLetters: (q) => first(word(q), 2),
  threeLetters: (q) => first(word(q), 3),
  // "1" begins 1,111 file-name numbers: more than MOST_TERMS, so it stays a prefix.
  digit: (q) => String(1 + (q % 9)),
  wholeToken: (q) => `${word(q)}${q % 97}`,
  fileName: (q) => `doc-${(q * 37) % DOCS}.txt`,
  nameStart: (q) => `doc-${q % 100}`,
  wordAndName: (q) => `${word(q)} doc-${(q * 37) % DOCS}`,
  noHit: (q) => `${word(q)}zz`,
};

/** Bytes of the search tables by name, from dbstat. */
function searchBytes(db: Db): Record<string, number> {
  const rows = db
    .prepare(
      "SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search_%' GROUP BY name",
    )
    .all() as { name: string; bytes: number }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
}

function docText(d: number): string {
  return Array.from({ length: 20 }, (_, l) =>
    Array.from({ length: 12 }, (_, w) => `${word(d * 7 + l * 3 + w)}${(d + w) % 97}`).join(' '),
  ).join('\n');
}

export function docLines(d: number): IndexedLine[] {
  return [{ field: 'name', line: null, raw: `doc-${d}.txt` }, ...textLines(docText(d))];
}

/**
 * Search over one case of 10,000 documents, each query run each way in turn on the same vault:
 * as it was (migration 0006's plan, the cluster-regex marking: the baseline) and as it ships
 * (search_terms, the code-point marking); their hits must be identical. Then the index's size
 * with and without search_terms, how long migration 0012 takes over this vault, and what
 * recording the terms adds to indexing a document.
 */
async function searchBench(): Promise<Record<string, unknown>> {
  const t = await tempDir('custody-bench-search-');
  const core = new CustodyCore(t.path);
  try {
    await core.create('bench passphrase for search');
    const vault = core.vault();
    const caseId = createCase(vault, { title: 'Bench', kind: 'other' }).id;
    const buildStart = performance.now();
    vault.db.transaction(() => {
      for (let d = 0; d < DOCS; d++)
        insertIndexedLines(vault.db, caseId, `i_bench${d}`, docLines(d));
    })();
    const buildMs = performance.now() - buildStart;

    // Each way goes first in turn, so none always finds the cache warm. `before` is the search as
    // it was (migration 0006's plan, the cluster-regex marking); `prefixPlan` is today's marking
    // with 0006's plan, which splits the gain between the plan and the marking.
    const WAYS: Record<string, SearchWay> = {
      before: { plan: 'prefix', mark: markTermsByRegex },
      after: {},
      prefixPlan: { plan: 'prefix' },
    };
    let differing = 0;
    const run = (queries: string[], ways: string[]) => {
      const times: Record<string, number[]> = {};
      queries.forEach((query, q) => {
        const hits: Record<string, string> = {};
        const order = [...ways.slice(q % ways.length), ...ways.slice(0, q % ways.length)];
        for (const name of order) {
          const start = performance.now();
          const found = searchCase(vault, caseId, query, () => false, 200, WAYS[name]);
          (times[name] ??= []).push(performance.now() - start);
          hits[name] = JSON.stringify(found.hits);
        }
        if (ways.some((name) => hits[name] !== hits.before)) differing++;
      });
      return Object.fromEntries(ways.map((name) => [name, latency(times[name] ?? [])]));
    };
    const aim = run(
      Array.from({ length: 200 }, (_, q) => aimQuery(q)),
      ['before', 'after', 'prefixPlan'],
    );
    const shapes = Object.fromEntries(
      Object.entries(SHAPES).map(([shape, make]) => [
        shape,
        run(
          Array.from({ length: 40 }, (_, q) => make(q)),
          ['before', 'after'],
        ),
      ]),
    );
    const after = aim.after ?? { p50Ms: NaN, p95Ms: NaN };
    const before = aim.before ?? { p50Ms: NaN, p95Ms: NaN };

    const bytes = searchBytes(vault.db);
    const at = (name: string) => bytes[name] ?? 0;
    const fts = Object.entries(bytes)
      .filter(([name]) => name.startsWith('search_lines'))
      .reduce((n, [, b]) => n + b, 0);
    const invertedIndex = at('search_lines_data') + at('search_lines_idx');
    const terms = at('search_terms');

    // Migration 0012 over this vault, as an existing vault meets it: its terms dropped, rebuilt.
    const termCount = vault.db.prepare('SELECT count(*) FROM search_terms').pluck().get();
    const migration = migrations.find((m) => m.name === 'search-terms');
    if (!migration) throw new Error('no search-terms migration');
    vault.db.exec('DROP TABLE search_terms');
    const migrationStart = performance.now();
    vault.db.transaction(() => migration.up(vault.db))();
    const migrationMs = performance.now() - migrationStart;
    const rebuilt = vault.db.prepare('SELECT count(*) FROM search_terms').pluck().get();

    // Indexing cost: 1,000 more documents in a second case, in turns of 50: with the 0006 insert
    // (rows only) and with insertIndexedLines (rows and their terms), each going first every
    // other turn.
    const other = createCase(vault, { title: 'Bench 2', kind: 'other' }).id;
    const rowsOnly = vault.db.prepare(
      'INSERT INTO search_lines (folded, raw, case_id, item_id, field, line) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const indexers: Record<SearchPlan, (d: number) => void> = {
      prefix: (d) => {
        for (const l of docLines(d))
          rowsOnly.run(foldForSearch(l.raw), l.raw, other, `i_more${d}`, l.field, l.line);
      },
      terms: (d) => insertIndexedLines(vault.db, other, `i_more${d}`, docLines(d)),
    };
    const indexMs: Record<SearchPlan, number> = { prefix: 0, terms: 0 };
    let next = DOCS;
    for (let turn = 0; turn < 10; turn++) {
      const order: SearchPlan[] = turn % 2 === 0 ? ['prefix', 'terms'] : ['terms', 'prefix'];
      for (const plan of order) {
        const start = performance.now();
        vault.db.transaction(() => {
          for (let k = 0; k < 50; k++) indexers[plan](next++);
        })();
        indexMs[plan] += performance.now() - start;
      }
    }

    return {
      documents: DOCS,
      lines: DOCS * 21,
      queries: 200,
      // The search as it ships against the aim; `before` is the search as it was, same run.
      p50Ms: after.p50Ms,
      p95Ms: after.p95Ms,
      aimP95Ms: 100,
      aimMet: after.p95Ms < 100,
      before,
      after,
      prefixPlan: aim.prefixPlan,
      p95Speedup: round(before.p95Ms / after.p95Ms, 1),
      identicalHits: differing === 0,
      queriesWithDifferentHits: differing,
      shapes,
      size: {
        searchTablesBytes: fts,
        invertedIndexBytes: invertedIndex,
        searchTermsBytes: terms,
        searchTablesRatio: round((fts + terms) / fts, 3),
        invertedIndexRatio: round((invertedIndex + terms) / invertedIndex, 3),
      },
      indexing: {
        buildMs: Math.round(buildMs),
        beforeMsPerDoc: round(indexMs.prefix / 500, 3),
        afterMsPerDoc: round(indexMs.terms / 500, 3),
      },
      migration: { ms: Math.round(migrationMs), terms: termCount, rebuiltTerms: rebuilt },
    };
  } finally {
    await core.close();
    await t.cleanup();
  }
}

const MB = 1024 * 1024;
const TEXT_BYTES = 16 * MB;

async function extractBench(): Promise<Record<string, unknown>> {
  const line = 'Это прямая угроза: мы найдём тебя завтра в городе, если ты не прекратишь писать.\n';
  const text = line.repeat(Math.ceil(TEXT_BYTES / Buffer.byteLength(line)));
  const cp1251 = iconv.encode(text, 'windows-1251');
  const eml = Buffer.from(
    `From: a@example.org\r\nTo: b@example.net\r\nSubject: bench\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
  );
  const textMs = await timed(() => extractText({ bytes: cp1251, name: 'a.txt' }, DEFAULT_LIMITS));
  const emailMs = await timed(() => extractEmail({ bytes: eml, name: 'a.eml' }, DEFAULT_LIMITS));
  return {
    textMBps: round(cp1251.length / MB / (textMs / 1000), 1),
    emailMBps: round(eml.length / MB / (emailMs / 1000), 1),
  };
}

function zipOf(entries: [string, Buffer][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function zipBench(): Promise<Record<string, unknown>> {
  // Half compressible text, half random bytes, in 64 members.
  const members: [string, Buffer][] = Array.from({ length: 64 }, (_, i) => [
    `m/${i}.bin`,
    i % 2 === 0 ? Buffer.from('угроза завтра threat tomorrow '.repeat(40_000)) : randomBytes(MB),
  ]);
  const zip = await zipOf(members);
  const unpacked = members.reduce((n, [, b]) => n + b.length, 0);
  const t = await tempDir('custody-bench-zip-');
  try {
    const path = join(t.path, 'a.zip');
    writeFileSync(path, zip);
    const oursMs = await timed(() => extractZip({ bytes: zip, name: 'a.zip' }, DEFAULT_LIMITS));
    const bareMs = await timed(() => execFileSync('unzip', ['-p', path], { maxBuffer: 1024 * MB }));
    return {
      unpackedMB: round(unpacked / MB, 1),
      zipUnpackMBps: round(unpacked / MB / (oursMs / 1000), 1),
      bareUnzipMBps: round(unpacked / MB / (bareMs / 1000), 1),
    };
  } finally {
    await t.cleanup();
  }
}

export default async function written(): Promise<Record<string, unknown>> {
  return { search: await searchBench(), extract: await extractBench(), archive: await zipBench() };
}
