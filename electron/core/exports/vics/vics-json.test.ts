// The VICS export, field by field as IPED's VICS reader and Griffeye expect it: the 2.0 header
// (`@odata.context`, `value` = Media) or 1.3's (`odata.metadata`, `value` = Cases holding Media),
// booleans as JSON booleans, the VICS US category from the item's `vics-us` label (null when none),
// hashes as upper-case hex. The round trip through the hash-list importer is
// electron/cli/commands/export-vics.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededVault, type SeededVault } from '../../../../tests/helpers/vault.ts';
import { ensureSchemeCategories, labelItem } from '../../../../tests/helpers/category-schemes.ts';
import { tempDir } from '../../../../tests/helpers/temp.ts';
import { VICS_CONTEXT, type VicsMedia } from './vics-json.ts';

let v: SeededVault;
let out: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  v = await seededVault({ cases: 1, itemsPerCase: 2 });
  out = await tempDir();
});
afterEach(async () => {
  await v.cleanup();
  await out.cleanup();
});

const MEDIA_FIELDS = [
  'MediaID',
  'Category',
  'MD5',
  'SHA1',
  'MediaSize',
  'MimeType',
  'IsPrecategorized',
  'VictimIdentified',
  'OffenderIdentified',
  'IsDistributed',
  'Series',
  'Tags',
  'Comments',
  'Exifs',
  'MediaFiles',
];

describe('the VICS export', () => {
  it('writes VICS 2.0 Media, field by field, booleans as booleans', async () => {
    const [c] = v.cases;
    const [a, b] = c?.items ?? [];
    if (!c || !a || !b) throw new Error('no items');
    ensureSchemeCategories(v.core.vault().db);
    labelItem(v.core.vault().db, a.id, 'vics-us', '1');
    for (const tag of ['victim-identified', 'series:Blue', 'indoor'])
      await v.call('triage:tag', { itemIds: [a.id], tag, on: true });
    await v.call('notes:add', { itemId: a.id, body: 'Seen on two forums.' });
    const file = join(out.path, 'case.json');
    const r = await v.core.exports.vics({ caseId: c.id, out: file });
    expect(r.kind).toBe('vics');
    const text = await readFile(file, 'utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const doc = JSON.parse(text) as { '@odata.context': string; value: VicsMedia[] };
    expect(Object.keys(doc)).toEqual(['@odata.context', 'value']);
    expect(doc['@odata.context']).toBe(VICS_CONTEXT['2.0']);
    expect(doc.value).toHaveLength(2);
    const byId = new Map<string, VicsMedia>();
    for (const m of doc.value) {
      expect(Object.keys(m)).toEqual(MEDIA_FIELDS);
      for (const k of [
        'IsPrecategorized',
        'VictimIdentified',
        'OffenderIdentified',
        'IsDistributed',
      ] as const)
        expect(typeof m[k]).toBe('boolean');
      expect(Number.isInteger(m.MediaID)).toBe(true);
      byId.set(m.MD5, m);
    }
    const itemA = await v.call('items:get', { id: a.id });
    const itemB = await v.call('items:get', { id: b.id });
    const ma = byId.get(itemA.md5.toUpperCase());
    const mb = byId.get(itemB.md5.toUpperCase());
    expect(ma).toMatchObject({
      Category: 1,
      SHA1: itemA.sha1.toUpperCase(),
      MediaSize: itemA.size,
      MimeType: 'image/png',
      VictimIdentified: true,
      OffenderIdentified: false,
      Series: 'Blue',
      Tags: 'indoor',
      Comments: 'Seen on two forums.',
    });
    expect(ma?.MediaFiles).toEqual([
      {
        FileName: itemA.originalName,
        FilePath: itemA.acquisitions[0]?.sourcePath,
        Created: itemA.acquisitions[0]?.acquiredAt,
      },
    ]);
    // Uncategorised is null: 0 means "non-pertinent" in the current US scheme.
    expect(mb?.Category).toBeNull();
    const [report] = await v.call('reports:list', {});
    expect(report?.kind).toBe('vics');
    expect(report?.files.map((f) => f.md5).toSorted()).toEqual([itemA.md5, itemB.md5].toSorted());
  });

  it('writes the 1.3 shape on request', async () => {
    const [c] = v.cases;
    if (!c) throw new Error('no case');
    const file = join(out.path, 'old.json');
    await v.core.exports.vics({ caseId: c.id, out: file, version: '1.3' });
    const doc = JSON.parse(await readFile(file, 'utf8')) as {
      'odata.metadata': string;
      value: { Media: VicsMedia[] }[];
    };
    expect(doc['odata.metadata']).toBe(VICS_CONTEXT['1.3']);
    expect(doc.value[0]?.Media).toHaveLength(2);
    expect(typeof doc.value[0]?.Media[0]?.IsDistributed).toBe('boolean');
  });
});
