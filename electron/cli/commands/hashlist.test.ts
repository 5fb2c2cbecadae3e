// `custody hashlist import|list|remove|export`, `custody match` and `custody similar` through the
// real binary: their JSON, skipped-line reports and exit statuses are what acceptance scripts use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliVaultWithCase, runCustody, type CliVault } from '../../../tests/helpers/cli.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';
import type {
  HashListImport,
  HashList,
  HashMatch,
  SimilarGroup,
} from '../../../shared/domain/hashlist.ts';

let cli: CliVault;
let itemId: string;
let md5: string;

beforeAll(async () => {
  cli = await cliVaultWithCase('hash list cli passphrase');
  const photo = fixture('exif', 'Canon_PowerShot_A85.jpg');
  const ingested = await runCustody(['ingest', '--case', cli.caseId, photo, ...cli.base]);
  expect(ingested.code, ingested.stderr).toBe(0);
  const item = (ingested.json as { results: Array<{ item: { id: string; sha256: string } }> })
    .results[0]!.item;
  itemId = item.id;
  const shown = await runCustody(['item', 'show', itemId, ...cli.base]);
  md5 = (shown.json as { md5: string }).md5;
}, 60_000);
afterAll(() => cli.cleanup());

describe('custody hashlist import', () => {
  it('imports, reports skipped lines by number, exits 0; the item already in the vault matches', async () => {
    const list = join(cli.root, 'known.md5');
    await writeFile(list, `# known\n${md5}\nnot-a-hash\n${'a'.repeat(31)}\n`);
    const r = await runCustody([
      'hashlist',
      'import',
      list,
      '--name',
      'Known',
      '--known-illegal',
      ...cli.base,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json as HashListImport;
    expect(out).toMatchObject({
      added: 1,
      matched: 1,
      list: { name: 'Known', version: 1, format: 'md5', knownIllegal: true },
    });
    expect(out.skipped).toEqual([
      { line: 3, reason: 'md5 is not hex' },
      { line: 4, reason: 'md5 has 31 hex digits, expected 32' },
    ]);
    const human = await runCustody([
      'hashlist',
      'import',
      list,
      '--name',
      'Known',
      ...cli.base.filter((a) => a !== '--json'),
    ]);
    expect(human.stdout).toMatch(/^ {2}line 3: md5 is not hex$/m);
    expect(human.stdout).toMatch(/v2/);
  });

  it('refuses garbage with exit 2 and a message naming the file; nothing is imported', async () => {
    const junk = join(cli.root, 'junk.txt');
    await writeFile(junk, Buffer.alloc(1024 * 1024, 0));
    const r = await runCustody([
      'hashlist',
      'import',
      junk,
      '--name',
      'Junk',
      '--format',
      'sha1',
      ...cli.base,
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/junk\.txt refused/);
    const lists = (await runCustody(['hashlist', 'list', ...cli.base])).json as HashList[];
    expect(lists.map((l) => l.name)).toEqual(['Known']);
    expect(
      (
        await runCustody([
          'hashlist',
          'import',
          junk,
          '--name',
          'J',
          '--format',
          'nope',
          ...cli.base,
        ])
      ).code,
    ).toBe(2);
  });
});

describe('custody match and similar', () => {
  it('match lists each match with item, list, hash type, distance and variant; an empty list when none', async () => {
    const r = await runCustody(['match', '--case', cli.caseId, ...cli.base]);
    expect(r.code, r.stderr).toBe(0);
    const { matches } = r.json as { matches: HashMatch[] };
    expect(matches).toEqual([
      expect.objectContaining({
        itemId,
        listName: 'Known',
        listVersion: 2,
        hashType: 'md5',
        distance: 0,
        variant: null,
      }),
    ]);
    const other = await runCustody([
      'case',
      'create',
      '--title',
      'Empty',
      '--kind',
      'other',
      ...cli.base,
    ]);
    const empty = await runCustody([
      'match',
      '--case',
      (other.json as { id: string }).id,
      ...cli.base,
    ]);
    expect([empty.code, (empty.json as { matches: unknown[] }).matches]).toEqual([0, []]);
    expect((await runCustody(['match', '--case', 'not-a-case', ...cli.base])).code).toBe(2);
    expect((await runCustody(['match', ...cli.base])).code).toBe(2);
  });

  it('similar answers groups (none for a single photo)', async () => {
    const r = await runCustody(['similar', '--case', cli.caseId, ...cli.base]);
    expect(r.code, r.stderr).toBe(0);
    expect((r.json as { groups: SimilarGroup[] }).groups).toEqual([]);
  });
});

describe('custody hashlist export and remove', () => {
  it("exports the case's categorised hashes in each format", async () => {
    // The known-illegal list gave no category (a plain list): label the item as a reviewer would.
    const plain = join(cli.root, 'cat.csv');
    await writeFile(plain, `md5,category\n${md5},vics-us:1\n`);
    expect(
      (
        await runCustody([
          'hashlist',
          'import',
          plain,
          '--name',
          'Cat',
          '--known-illegal',
          ...cli.base,
        ])
      ).code,
    ).toBe(0);
    const outs: Record<string, string> = {};
    for (const format of ['plain', 'csv', 'pytx', 'vics']) {
      const out = join(cli.root, `export.${format}`);
      const r = await runCustody([
        'hashlist',
        'export',
        '--case',
        cli.caseId,
        '--format',
        format,
        '--out',
        out,
        ...cli.base,
      ]);
      expect(r.code, r.stderr).toBe(0);
      outs[format] = await readFile(out, 'utf8');
    }
    expect(outs['plain']).toBe(`${md5}\n`);
    expect(outs['csv']).toMatch(
      new RegExp(
        `^md5,sha1,sha256,pdq,category\\n${md5},[0-9a-f]{40},[0-9a-f]{64},[0-9a-f]*,vics-us:1\\n$`,
      ),
    );
    expect(outs['pytx']).toMatch(new RegExp(`^md5 ${md5}\\n(pdq [0-9a-f]{64}\\n)?$`));
    const vics = JSON.parse(outs['vics']!) as {
      value: Array<{ Media: Array<{ Category: number; MD5: string }> }>;
    };
    expect(vics.value[0]!.Media).toEqual([
      expect.objectContaining({ Category: 1, MD5: md5.toUpperCase() }),
    ]);
  });

  it('remove takes the list and its matches away', async () => {
    const lists = (await runCustody(['hashlist', 'list', ...cli.base])).json as HashList[];
    for (const l of lists)
      expect((await runCustody(['hashlist', 'remove', l.id, ...cli.base])).code).toBe(0);
    const r = await runCustody(['match', '--case', cli.caseId, ...cli.base]);
    expect((r.json as { matches: unknown[] }).matches).toEqual([]);
    expect(
      (await runCustody(['hashlist', 'remove', 'hl_0000000000000000', ...cli.base])).code,
    ).toBe(1);
  });
});
