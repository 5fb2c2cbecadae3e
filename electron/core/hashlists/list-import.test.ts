// Each importer on a file written here in its format, with the traps real files carry, and the
// malformed lists a specialist receives: bad lines are skipped with their numbers, garbage is
// refused whole, and a refused or replaced list never leaves half of itself behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freshCore, type FreshCore } from '../../../tests/helpers/vault.ts';
import type { HashListImport } from '../../../shared/domain/hashlist.ts';
import type { ImportOptions } from './list-import.ts';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const MD5_B = '0cc175b9c0f1b6a831c399e269772661';
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

let v: FreshCore;
beforeEach(async () => {
  v = await freshCore();
});
afterEach(async () => {
  await v.cleanup();
});

async function file(name: string, text: string | Buffer): Promise<string> {
  const path = join(v.dir, name);
  await writeFile(path, text);
  return path;
}

function importList(path: string, options: Partial<ImportOptions> = {}): Promise<HashListImport> {
  return v.core.hashlists.import(path, {
    name: 'list',
    format: 'auto',
    threshold: 31,
    knownIllegal: false,
    negative: false,
    ...options,
  });
}

/** Every entry of the vault's lists as `type:value[:category][:negative]`, sorted. */
function entries(): string[] {
  const rows = v.core
    .vault()
    .db.prepare('SELECT hash_type, value, category_id, negative FROM hash_list_entries')
    .all() as Array<{
    hash_type: string;
    value: string;
    category_id: string | null;
    negative: number;
  }>;
  return rows
    .map((r) =>
      [r.hash_type, r.value, r.category_id ?? '', r.negative ? 'negative' : '']
        .filter(Boolean)
        .join(':'),
    )
    .sort();
}

describe('plain lists', () => {
  it('reads one hash per line with comments, and reports bad hex and wrong lengths by line', async () => {
    const path = await file(
      'known.md5',
      `# a comment\n${MD5.toUpperCase()}  file.jpg\n\nnot-hex-at-all-not-hex-at-all-ab\n${MD5_B.slice(0, 30)}\r\n${MD5_B}\n`,
    );
    const r = await importList(path, { format: 'md5' });
    expect(entries()).toEqual([`md5:${MD5_B}`, `md5:${MD5}`].sort());
    expect(r.skipped).toEqual([
      { line: 4, reason: 'md5 is not hex' },
      { line: 5, reason: 'md5 has 30 hex digits, expected 32' },
    ]);
    expect(r.list).toMatchObject({ format: 'md5', version: 1, counts: { md5: 2 } });
  });

  it('detects MD5 and SHA-1 lists, and asks which one a list of 64-digit hex is', async () => {
    expect((await importList(await file('a.txt', `${SHA1}\n`))).list.format).toBe('sha1');
    await expect(importList(await file('b.txt', `${SHA256}\n`), { name: 'b' })).rejects.toThrow(
      /b\.txt refused: 64-digit hex could be SHA-256 or PDQ/,
    );
    expect(
      (await importList(await file('c.txt', `${PDQ},100\n`), { name: 'c', format: 'pdq' })).list
        .counts,
    ).toEqual({
      pdq: 1,
    });
  });
});

describe('CSV lists', () => {
  it('finds columns by name, keeps hashes it cannot compute, and reports an unknown column', async () => {
    const path = await file(
      'list.csv',
      `SHA1,MD5,PhotoDNA,colour\n${SHA1},${MD5},"AAAA,BBBB",red\n,${MD5_B},,blue\n${SHA1},x,,green\n`,
    );
    const r = await importList(path);
    expect(r.list.format).toBe('csv');
    expect(entries()).toEqual(
      [`md5:${MD5_B}`, `md5:${MD5}`, 'photodna:AAAA,BBBB', `sha1:${SHA1}`].sort(),
    );
    expect(r.list.notComputable).toEqual(['photodna']);
    expect(r.skipped).toEqual([
      { line: 1, reason: 'unknown column "colour" ignored' },
      { line: 4, reason: 'md5 is not hex' },
    ]);
  });

  it('refuses a CSV whose header names no hash column', async () => {
    await expect(importList(await file('x.csv', 'a,b\n1,2\n'), { format: 'csv' })).rejects.toThrow(
      /x\.csv refused: line 1: the header names no hash column/,
    );
  });
});

describe('ThreatExchange (python-threatexchange)', () => {
  it('reads the `<signal_type> <signal>` file format, skipping signals that are not file hashes', async () => {
    const r = await importList(
      await file('signals.txt', `pdq ${PDQ}\nmd5 ${MD5}\nurl https://example.org/\n`),
    );
    expect(r.list.format).toBe('pytx');
    expect(entries()).toEqual([`md5:${MD5}`, `pdq:${PDQ}`].sort());
    expect(r.skipped).toEqual([
      { line: 3, reason: 'signal type "url" is not a file hash Custody knows' },
    ]);
  });

  it('reads the dataset CSV, where category NEGATIVE_CLASS marks a known false positive', async () => {
    const r = await importList(
      await file(
        'dataset.csv',
        `signal_type,signal_str,collab,category,tags\npdq,${PDQ},c1,NEGATIVE_CLASS,\nmd5,${MD5},c1,,"a b"\n`,
      ),
    );
    expect(r.list.format).toBe('pytx');
    expect(entries()).toEqual([`md5:${MD5}`, `pdq:${PDQ}:negative`].sort());
  });
});

describe('NCMEC hash-sharing XML', () => {
  const xml = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<queryResult>\n${body}\n</queryResult>\n`;

  it('reads images and videos with their classification; deletedImage is a tombstone', async () => {
    await importList(
      await file(
        'first.xml',
        xml(`<images>
  <image><fingerprints><md5>${MD5}</md5><pdna>AAAA</pdna></fingerprints><classification>A1</classification></image>
  <image><fingerprints><md5>${MD5_B}</md5><sha1>${SHA1}</sha1></fingerprints><classification>B2</classification></image>
</images>
<videos><video><fingerprints><md5>${'1'.repeat(32)}</md5></fingerprints></video></videos>`),
      ),
      { name: 'ncmec' },
    );
    expect(entries()).toEqual(
      [
        `md5:${MD5}:industry:A1`,
        'photodna:AAAA:industry:A1',
        `md5:${MD5_B}:industry:B2`,
        `sha1:${SHA1}:industry:B2`,
        `md5:${'1'.repeat(32)}`,
      ].sort(),
    );
    const update = await importList(
      await file(
        'update.xml',
        xml(
          `<images><deletedImage><fingerprints><md5>${MD5_B}</md5><sha1>${SHA1}</sha1></fingerprints></deletedImage></images>`,
        ),
      ),
      { name: 'ncmec' },
    );
    expect(update).toMatchObject({ removed: 2, list: { version: 2 } });
    expect(entries()).toEqual(
      [`md5:${MD5}:industry:A1`, 'photodna:AAAA:industry:A1', `md5:${'1'.repeat(32)}`].sort(),
    );
    expect(update.list.versions.map((x) => [x.version, x.source, x.added, x.removed])).toEqual([
      [1, 'first.xml', 5, 0],
      [2, 'update.xml', 0, 2],
    ]);
  });

  it('refuses XML that is not well formed, naming the file', async () => {
    await expect(importList(await file('bad.xml', '<images><image></images>'))).rejects.toThrow(
      /bad\.xml refused: not well-formed XML/,
    );
  });
});

describe('StopNCII and TCAP JSON', () => {
  it('StopNCII: Withdrawn and Deleted hashes are tombstones', async () => {
    await importList(
      await file(
        's1.json',
        JSON.stringify([
          { signalType: 'PDQ', hashValue: PDQ, hashStatus: 'Active' },
          { signalType: 'MD5', hashValue: MD5, hashStatus: 'Active' },
        ]),
      ),
      { name: 'stopncii' },
    );
    const r = await importList(
      await file(
        's2.json',
        JSON.stringify({
          hashRecords: [
            { signalType: 'PDQ', hashValue: PDQ, hashStatus: 'Withdrawn' },
            { signalType: 'MD5', hashValue: MD5_B, hashStatus: 'Active' },
            { signalType: 'MD5', hashValue: MD5, hashStatus: 'Deleted' },
            { signalType: 'Blurhash', hashValue: 'x', hashStatus: 'Active' },
          ],
        }),
      ),
      { name: 'stopncii' },
    );
    expect(r.list.format).toBe('stopncii');
    expect(r.removed).toBe(2);
    expect(r.skipped).toEqual([
      { line: 4, reason: 'signalType "Blurhash" is not a hash Custody knows' },
    ]);
    expect(entries()).toEqual([`md5:${MD5_B}`]);
  });

  it('TCAP: entries are terrorist content, deleted ones tombstones (booleans as strings too)', async () => {
    const r = await importList(
      await file(
        'tcap.json',
        JSON.stringify({
          results: [
            { hash_digest: MD5, algorithm: 'MD5', ideology: 'Far-right', deleted: false },
            { hash_digest: PDQ, algorithm: 'PDQ', ideology: 'Islamist', deleted: 'true' },
            { hash_digest: SHA256, algorithm: 'SHA256', ideology: 'Islamist', deleted: 'False' },
          ],
        }),
      ),
    );
    expect(r.list.format).toBe('tcap');
    expect(entries()).toEqual(
      [`md5:${MD5}:custody:terrorism`, `sha256:${SHA256}:custody:terrorism`].sort(),
    );
  });
});

describe('Project VIC VICS JSON', () => {
  it('1.2/1.3 (odata.metadata) use the legacy CAT scheme: 0 is uncategorised; BOM, string booleans and /Date()/ read', async () => {
    const doc = {
      'odata.metadata': 'http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml/$metadata#Media',
      value: [
        {
          MediaID: 1,
          Category: '0',
          MD5: MD5.toUpperCase(),
          IsPrecategorized: 'true',
          DateUpdated: '/Date(1514764800000)/',
        },
        {
          MediaID: 2,
          Category: 1,
          MD5: MD5_B,
          SHA1: SHA1,
          IsDeleted: 'false',
          DateUpdated: '/Date(1514764800000+0100)/',
        },
        { MediaID: 3, Category: 9, MD5: '2'.repeat(32) },
      ],
    };
    const r = await importList(await file('v13.json', '\uFEFF' + JSON.stringify(doc)));
    expect(r.list.format).toBe('vics');
    expect(entries()).toEqual(
      [`md5:${MD5}`, `md5:${MD5_B}:dhs-cat:CAT1`, `sha1:${SHA1}:dhs-cat:CAT1`].sort(),
    );
    expect(r.skipped).toEqual([{ line: 3, reason: 'Category "9" is not in the dhs-cat scheme' }]);
  });

  it('2.0 (@odata.context) uses the US scheme, 0 non-pertinent, and nests Media in cases', async () => {
    const doc = {
      '@odata.context': 'http://github.com/ICMEC/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases',
      value: [
        {
          CaseID: 1,
          Media: [
            { MediaID: 1, Category: 0, MD5: MD5, IsDistributed: 'False' },
            { MediaID: 2, Category: '1', MD5: MD5_B, IsDeleted: true },
          ],
        },
        { CaseID: 2, Media: [{ MediaID: 3, Category: null, SHA1: SHA1 }] },
      ],
    };
    const r = await importList(await file('v20.json', JSON.stringify(doc)));
    expect(entries()).toEqual([`md5:${MD5}:vics-us:0`, `sha1:${SHA1}`].sort());
    expect(r.skipped).toEqual([]);
  });
});

describe('INTERPOL ICSE CSV', () => {
  it('reads semicolon-separated columns by name', async () => {
    const r = await importList(
      await file(
        'icse.csv',
        `MD5;SHA1;PhotoDNA;FileName\n${MD5};${SHA1};BBBB;x.jpg\n${MD5_B};;;y.jpg\n`,
      ),
    );
    expect(r.list.format).toBe('icse');
    expect(entries()).toEqual(
      [`md5:${MD5_B}`, `md5:${MD5}`, 'photodna:BBBB', `sha1:${SHA1}`].sort(),
    );
  });
});

describe('malformed and replaced lists', () => {
  it('refuses 10 MB of garbage whole, with a clear reason, and imports nothing', async () => {
    const binary = await file('garbage.bin', randomBytes(10 * 1024 * 1024));
    const refused = importList(binary, { format: 'md5' });
    await expect(refused).rejects.toThrow(/garbage\.bin refused: .*Nothing was imported/);
    await expect(refused).rejects.toHaveProperty('code', 'INVALID_INPUT');
    const lines = Array.from(
      { length: 200_000 },
      (_, i) => `garbage line ${i} ${'z'.repeat(40)}`,
    ).join('\n');
    expect(lines.length).toBeGreaterThan(10 * 1024 * 1024);
    await expect(importList(await file('garbage.txt', lines), { format: 'sha1' })).rejects.toThrow(
      /garbage\.txt refused: no line could be read as a hash \(200000 problems; line 1: sha1 is not hex\)/,
    );
    expect(v.core.hashlists.list()).toEqual([]);
    expect(entries()).toEqual([]);
  });

  it('a plain list given again is the whole list: the new version replaces the old, provenance kept', async () => {
    await importList(await file('v1.md5', `${MD5}\n${MD5_B}\n`), { name: 'same' });
    const r = await importList(await file('v2.md5', `${MD5_B}\n${'3'.repeat(32)}\n`), {
      name: 'same',
    });
    expect(r).toMatchObject({ added: 2, removed: 1, list: { version: 2 } });
    expect(entries()).toEqual([`md5:${MD5_B}`, `md5:${'3'.repeat(32)}`].sort());
    expect(r.list.versions.map((x) => x.source)).toEqual(['v1.md5', 'v2.md5']);
  });

  it('a refused newer version leaves the older one whole', async () => {
    await importList(await file('good.md5', `${MD5}\n`), { name: 'kept' });
    await expect(importList(await file('bad.md5', 'nope\n'), { name: 'kept' })).rejects.toThrow(
      /refused/,
    );
    expect(v.core.hashlists.list().map((l) => [l.name, l.version, l.counts])).toEqual([
      ['kept', 1, { md5: 1 }],
    ]);
  });
});
