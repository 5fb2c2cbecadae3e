// The search as it ships (the 'terms' plan: each word an OR of the case's tokens that begin it,
// and the code-point walk marking the words) answers exactly what it answered before (the
// 'prefix' plan of migration 0006, and the cluster-regex marking): the same hits, in the same
// order, with the same marks and the same words withheld behind the text gate, over the written
// corpus in a shown case and a gated one, for words, prefixes, letter forms, phrases, junk and
// the limit. The case's terms hold every token the index holds of it, and go with the case. A
// vault from before migration 0012, migrated on its next unlock, searches the same.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CustodyCore } from '../core.ts';
import { createCase, destroyCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { migrate } from '../store/migrate.ts';
import { migrations } from '../store/migrations/index.ts';
import { searchTerms } from '../../../shared/domain/search-fold.ts';
import type { SearchHit } from '../../../shared/domain/written.ts';
import { freshCore, PASSPHRASE } from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import {
  SENTENCES,
  emlWithAttachments,
  mbox,
  nestedZip,
  textFixtures,
} from '../../../tests/fixtures/written/index.ts';
import { markTermsByRegex } from '../../../tests/helpers/mark-terms-by-regex.ts';
import { MOST_TERMS, searchCase, termsQuery, type SearchWay } from './search.service.ts';
import { above } from './search-terms.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let src: { path: string; cleanup: () => Promise<void> };
let shown: string;
let gated: string;

// Lines a corpus rarely has: a line past the 2,000-character piece, numbers, punctuation inside
// words, joiners, marks, a word with more than MOST_TERMS tokens after it.
const ODD = [
  `${'длинная строка угрозы '.repeat(120)}конец`,
  'doc-12.txt doc-120.txt a@b.org http://example.org/threat?id=7 e-mail e‑mail',
  'ﬁle Straße STRASSE ΣΟΦΟΣ σοφος ё Ё ٣٤٥ ۱۲۳ 345 می‌دانم نجـــدكَ',
  Array.from({ length: MOST_TERMS + 40 }, (_, i) => `x${i}`).join(' '),
  '"quoted" (parens) star* OR NOT AND NEAR',
].join('\n');

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  src = await tempDir('custody-search-plan-');
  const dir = join(src.path, 'corpus');
  await mkdir(dir);
  for (const f of textFixtures()) await writeFile(join(dir, f.name), f.bytes);
  await writeFile(join(dir, 'threat.eml'), emlWithAttachments().bytes);
  await writeFile(join(dir, 'box.mbox'), mbox());
  await writeFile(join(dir, 'outer.zip'), (await nestedZip()).bytes);
  await writeFile(join(dir, 'odd-lines.txt'), `${ODD}\n`);
  const vault = core.vault();
  shown = createCase(vault, { title: 'Shown', kind: 'threat-of-violence' }).id;
  gated = createCase(vault, { title: 'Gated', kind: 'child-safety' }).id;
  for (const caseId of [shown, gated]) {
    await startIngest(vault, core.decoder(), caseId, [dir], () => {}).finished;
  }
}, 180_000);

afterAll(async () => {
  await cleanup();
  await src.cleanup();
});

/** Every word of the corpus and what a reviewer types for it: case, prefixes, forms, marks. */
function queries(): string[] {
  const words = new Set<string>();
  for (const s of [...Object.values(SENTENCES), ...ODD.split('\n').slice(1)]) {
    for (const w of s.split(/\s+/)) if (w !== '') words.add(w);
  }
  const out = new Set<string>();
  for (const w of words) {
    const points = [...w];
    out.add(w);
    out.add(w.toUpperCase());
    for (const n of [1, 2, 3]) out.add(points.slice(0, n).join(''));
    out.add(w.replaceAll('ی', 'ي').replaceAll('ک', 'ك'));
  }
  const list = [...out];
  // Two and three words, from far apart in the corpus.
  for (let i = 0; i + 7 < list.length; i += 5) {
    out.add(`${list[i]} ${list[i + 7]}`);
    out.add(`${list[i]} ${list[(i * 3) % list.length]} ${list[(i * 7) % list.length]}`);
  }
  for (const q of [
    'угроза',
    'رســالة',
    'رِسَالَة',
    'يك',
    'threat-1@example.org',
    'example.org',
    'doc-1',
    'x',
    'x1',
    'koi8r',
    'cp1256-farsi',
    '—',
    '"',
    '*',
    'OR',
    'NOT угроза',
    '(',
    'a*b',
    'нетакогослова',
    'угроза нетакогослова',
  ]) {
    out.add(q);
  }
  return [...out];
}

/** The search before this change: migration 0006's plan, the cluster-regex marking. */
const BEFORE: SearchWay = { plan: 'prefix', mark: markTermsByRegex };
/** The search as it ships. */
const SHIPPED: SearchWay = {};

/** Every query's hits, at a small limit and a large one, in both cases. */
function answers(way: SearchWay): Record<string, SearchHit[]> {
  const out: Record<string, SearchHit[]> = {};
  for (const caseId of [shown, gated]) {
    const hidden = core.textGate.hiddenIn(caseId);
    for (const q of queries()) {
      for (const limit of [3, 500]) {
        out[`${caseId} ${limit} ${q}`] = searchCase(
          core.vault(),
          caseId,
          q,
          hidden,
          limit,
          way,
        ).hits;
      }
    }
  }
  return out;
}

/** Tokens the FTS5 index holds of a case's rows that the case's terms lack. */
function missingTerms(caseId: string): string[] {
  const db = core.vault().db;
  db.exec(
    'CREATE VIRTUAL TABLE IF NOT EXISTS temp.plan_test_tokens USING fts5vocab(main, search_lines, instance)',
  );
  return db
    .prepare(
      `SELECT DISTINCT v.term FROM temp.plan_test_tokens v JOIN search_lines l ON l.rowid = v.doc
         WHERE l.case_id = ?
       EXCEPT SELECT term FROM search_terms WHERE case_id = ?`,
    )
    .pluck()
    .all(caseId, caseId) as string[];
}

describe('the terms plan', () => {
  it('answers every query exactly as the search before it did, gated words withheld alike', () => {
    const before = answers(BEFORE);
    const after = answers(SHIPPED);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const key of Object.keys(before)) expect(after[key], key).toEqual(before[key]);

    // Not vacuous: most queries find something, the gated case withholds, limits cut.
    const found = Object.values(before).filter((h) => h.length > 0).length;
    expect(found).toBeGreaterThan(Object.keys(before).length / 2);
    const gatedHits = Object.entries(before)
      .filter(([k]) => k.startsWith(gated))
      .flatMap(([, h]) => h);
    expect(gatedHits.some((h) => h.gated && h.snippet === '')).toBe(true);
    expect(before[`${shown} 3 угроза`]?.length).toBe(3);
    expect(before[`${shown} 500 угроза`]?.length).toBeGreaterThan(3);
  }, 120_000);

  it('names the tokens a word begins, keeps phrases and very common prefixes as prefixes', () => {
    const db = core.vault().db;
    const plan = (q: string) => termsQuery(db, shown, searchTerms(q));
    // "угроз" too: the line past 2,000 characters is indexed in pieces, cut inside a word.
    expect(plan('угроз')).toBe('("угроз" OR "угроза" OR "угрозы")');
    expect(plan('УГРОЗА прямая')).toBe('("угроза") AND ("прямая")');
    expect(plan('پيدا')).toBe('("پیدا")');
    expect(plan('doc-1')).toBe('"doc-1"*');
    expect(plan('x')).toBe('"x"*');
    expect(plan('x1')).toMatch(/^\("x1" OR "x10" OR /);
    expect(plan('нетакогослова угроза')).toBeNull();
  });

  it('holds every token the index holds of each case', () => {
    for (const caseId of [shown, gated]) expect(missingTerms(caseId)).toEqual([]);
    const count = (caseId: string) =>
      core
        .vault()
        .db.prepare('SELECT count(*) FROM search_terms WHERE case_id = ?')
        .pluck()
        .get(caseId);
    expect(count(shown)).toBeGreaterThan(MOST_TERMS);
    expect(count(gated)).toBe(count(shown));
  });
});

describe('above', () => {
  it('is the least string past every string a prefix begins', () => {
    expect(above('угроза')).toBe('угрозб');
    expect(above('a\u{10ffff}')).toBe('b');
    expect(above('\u{10ffff}')).toBeNull();
    expect(above('a\ud7ff')).toBe('a\ue000');
    expect(above('a😀')).toBe('a😁');
  });
});

describe('a vault from before migration 0012', () => {
  it('is migrated at its next unlock and searches as it did', async () => {
    const before = answers(BEFORE);
    // What a vault written before 0012 holds: the same rows, no terms, the version before.
    const before0012 = migrations.findIndex((m) => m.name === 'search-terms');
    const db = core.vault().db;
    db.exec('DROP TABLE search_terms');
    db.pragma(`user_version = ${before0012}`);
    const old = new Database(':memory:');
    migrate(old, migrations.slice(0, before0012));
    const schema = (d: InstanceType<typeof Database>) =>
      d
        .prepare(
          "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
        )
        .all();
    expect(schema(db)).toEqual(schema(old));
    old.close();

    core.lock();
    await core.unlock(PASSPHRASE);
    expect(core.vault().db.pragma('user_version', { simple: true })).toBe(migrations.length);
    for (const caseId of [shown, gated]) expect(missingTerms(caseId)).toEqual([]);
    expect(answers(SHIPPED)).toEqual(before);
  }, 120_000);

  it("loses a destroyed case's terms with it, and keeps the other case's", async () => {
    const terms = (caseId: string) =>
      core
        .vault()
        .db.prepare('SELECT count(*) FROM search_terms WHERE case_id = ?')
        .pluck()
        .get(caseId);
    const kept = terms(shown);
    await destroyCase(core.vault(), gated);
    expect(terms(gated)).toBe(0);
    expect(terms(shown)).toBe(kept);
    expect(missingTerms(shown)).toEqual([]);
  });
});
