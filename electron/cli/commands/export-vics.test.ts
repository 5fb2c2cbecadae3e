// The VICS export read back by Custody's own VICS importer, through the real `custody` binary:
// every exported item matches the imported list with the category it was exported with, in VICS
// 2.0 (the US scheme) and in 1.3 (read in the legacy CAT scheme, so written in it: US 0
// "non-pertinent" is CAT-4, never 0, which 1.x reads as "uncategorised"), and an uncategorised
// item comes back uncategorised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliVaultWithCase, runCustody, type CliVault } from '../../../tests/helpers/cli.ts';
import { evidenceImages } from '../../../tests/helpers/vault.ts';
import type { HashList, HashListImport, HashMatch } from '../../../shared/domain/hashlist.ts';

let v: CliVault;
/** The VICS US categories given to the items, in order (null: none), and as 1.x reads them back. */
const usCategories = ['vics-us:1', 'vics-us:2', 'vics-us:0', null] as const;
const legacyCategories = ['dhs-cat:CAT1', 'dhs-cat:CAT2', 'dhs-cat:CAT4', null] as const;
let items: string[] = [];
const run = (...args: string[]) => runCustody([...args, ...v.base]);

beforeAll(async () => {
  v = await cliVaultWithCase('vics round trip passphrase');
  const files = await evidenceImages(join(v.root, 'evidence'), usCategories.length);
  const ingested = await run('ingest', '--case', v.caseId, ...files);
  expect(ingested.code, ingested.stderr).toBe(0);
  items = (ingested.json as { results: { item: { id: string } }[] }).results.map((r) => r.item.id);
  const md5s = await Promise.all(
    items.map(async (id) => ((await run('item', 'show', id)).json as { md5: string }).md5),
  );
  // Categorised as a known-illegal list does (pre-categorising on an exact match); the last item
  // stays uncategorised. The seeding list then goes, so only the round trip's list can match.
  const seed = join(v.root, 'seed.csv');
  const rows = usCategories.flatMap((c, i) => (c ? [`${md5s[i]},${c}`] : []));
  await writeFile(seed, `md5,category\n${rows.join('\n')}\n`);
  const seeded = await run('hashlist', 'import', seed, '--name', 'Seed', '--known-illegal');
  expect(seeded.code, seeded.stderr).toBe(0);
  const seedId = (seeded.json as HashListImport).list.id;
  expect((await run('hashlist', 'remove', seedId)).code).toBe(0);
}, 120_000);
afterAll(() => v.cleanup());

describe('VICS round trip through the hash-list importer', () => {
  for (const version of ['2.0', '1.3'] as const) {
    it(`VICS ${version}: every item matches the imported list with its category`, async () => {
      const out = join(v.root, `case-${version}.json`);
      const exported = await run(
        'export',
        'vics',
        '--case',
        v.caseId,
        '--out',
        out,
        '--vics-version',
        version,
      );
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.json).toMatchObject({ kind: 'vics', items: items.length });

      const name = `Round trip ${version}`;
      const imported = await run('hashlist', 'import', out, '--name', name, '--format', 'vics');
      expect(imported.code, imported.stderr).toBe(0);
      const result = imported.json as HashListImport;
      expect(result.skipped).toEqual([]);
      expect(result.list).toMatchObject({ name, format: 'vics' });

      const matched = await run('match', '--case', v.caseId);
      const matches = (matched.json as { matches: HashMatch[] }).matches.filter(
        (m) => m.listName === name,
      );
      // Each item once per hash the list holds for it (MD5 and SHA-1), each with its category.
      const byItem = new Map<string, Set<string | null>>();
      for (const m of matches) {
        expect(m.distance).toBe(0);
        byItem.set(m.itemId, (byItem.get(m.itemId) ?? new Set()).add(m.categoryId));
      }
      const expected = version === '2.0' ? usCategories : legacyCategories;
      expect(new Map([...byItem].map(([id, categories]) => [id, [...categories]]))).toEqual(
        new Map(items.map((id, i) => [id, [expected[i]]])),
      );

      const lists = (await run('hashlist', 'list')).json as HashList[];
      const id = lists.find((l) => l.name === name)?.id ?? '';
      expect((await run('hashlist', 'remove', id)).code).toBe(0);
    }, 60_000);
  }
});
