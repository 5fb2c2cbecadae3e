// The grid's "similar" filter through the real pipeline: pictures ingested for real (PDQ and its
// eight dihedral variants), listed through the dispatcher as the app asks. The core decides which
// items are near-duplicates (PDQ within 31 of another item of the case, any rotation or flip) and
// the query keeps exactly those, combined with the other filters, page by page; a copy ingested
// later joins its group at the next ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  dispatcherCall,
  freshCore,
  ingestThrough,
  type Call,
  type FreshCore,
} from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { fixturePath } from '../../../tests/helpers/pdq.ts';
import type { ItemFilter } from '../../../shared/domain/item.ts';

const BRIDGE = fixturePath('data/bridge-mods/aaa-orig.jpg');
const OTHER = fixturePath('data/misc-images/c.png');
const LONE = fixturePath('data/misc-images/wee.jpg');

let v: FreshCore;
let call: Call;
let evidence: { path: string; cleanup: () => Promise<void> };
let caseId: string;
let emptyCaseId: string;
const ids: Record<string, string> = {};

/** Names (without .jpg) of the items the filter lists, in the grid's order. */
async function listed(filter: ItemFilter, offset = 0, limit = 100) {
  const page = await call('items:list', { caseId, filter, offset, limit });
  const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return { names: page.items.map((i) => byId[i.id]), total: page.total };
}

beforeAll(async () => {
  v = await freshCore();
  call = dispatcherCall(v.core);
  evidence = await tempDir('custody-evidence-');
  caseId = (await call('cases:create', { title: 'Reposts', kind: 'disinformation' })).id;
  emptyCaseId = (await call('cases:create', { title: 'Nothing yet', kind: 'other' })).id;
  const made: Record<string, Promise<Buffer>> = {
    // Two groups: the bridge with a mirrored and a rotated repost; the other picture resized.
    bridge: sharp(BRIDGE).jpeg().toBuffer(),
    'bridge-mirrored': sharp(BRIDGE).flop().jpeg().toBuffer(),
    'bridge-rotated': sharp(BRIDGE).rotate(90).jpeg({ quality: 60 }).toBuffer(),
    other: sharp(OTHER).jpeg().toBuffer(),
    'other-resized': sharp(OTHER).resize(200).jpeg().toBuffer(),
    // And a picture like no other in the case.
    lone: sharp(LONE).jpeg().toBuffer(),
  };
  // One at a time, so the grid's acquisition order is the order above.
  for (const [name, bytes] of Object.entries(made)) {
    const path = join(evidence.path, `${name}.jpg`);
    await writeFile(path, await bytes);
    await ingestThrough(v.core, call, caseId, [path]);
  }
  for (const i of (await call('items:list', { caseId })).items)
    ids[i.originalName.replace(/\.jpg$/, '')] = i.id;
  expect(Object.keys(ids)).toHaveLength(6);
}, 120_000);

afterAll(async () => {
  await v.cleanup();
  await evidence.cleanup();
});

describe('the similar filter', () => {
  it('lists exactly the items of the near-duplicate groups, as the groups name them', async () => {
    const groups = await call('hashlists:similar', { caseId });
    expect(groups.map((g) => g.itemIds.toSorted())).toEqual(
      expect.arrayContaining([
        [ids['bridge'], ids['bridge-mirrored'], ids['bridge-rotated']].sort(),
        [ids['other'], ids['other-resized']].sort(),
      ]),
    );
    expect(groups).toHaveLength(2);
    expect(await listed({ similar: true })).toEqual({
      names: ['bridge', 'bridge-mirrored', 'bridge-rotated', 'other', 'other-resized'],
      total: 5,
    });
    // Off, or not asked: every item.
    expect((await listed({ similar: false })).total).toBe(6);
    expect((await listed({})).total).toBe(6);
  });

  it('combines with the other filters and pages like them', async () => {
    await call('triage:categorise', { itemIds: [ids['other']!, ids['lone']!], category: 'other' });
    expect(await listed({ similar: true, category: 'other' })).toEqual({
      names: ['other'],
      total: 1,
    });
    expect((await listed({ similar: true, category: 'untriaged' })).names).toEqual([
      'bridge',
      'bridge-mirrored',
      'bridge-rotated',
      'other-resized',
    ]);
    expect(await listed({ similar: true, search: 'mirrored' })).toEqual({
      names: ['bridge-mirrored'],
      total: 1,
    });
    expect(await listed({ similar: true, kind: 'video' })).toEqual({ names: [], total: 0 });
    expect(await listed({ similar: true }, 2, 2)).toEqual({
      names: ['bridge-rotated', 'other'],
      total: 5,
    });
    const bySize = await call('items:list', { caseId, filter: { similar: true }, sort: 'name' });
    expect(bySize.items.map((i) => i.originalName)).toEqual([
      'bridge-mirrored.jpg',
      'bridge-rotated.jpg',
      'bridge.jpg',
      'other-resized.jpg',
      'other.jpg',
    ]);
  });

  it('finds nothing in a case without near-duplicates', async () => {
    expect(await call('items:list', { caseId: emptyCaseId, filter: { similar: true } })).toEqual({
      items: [],
      total: 0,
    });
  });

  it('takes in a copy ingested later at the next ask', async () => {
    expect((await listed({ similar: true })).total).toBe(5);
    const path = join(evidence.path, 'lone-repost.jpg');
    await writeFile(path, await sharp(LONE).flip().jpeg({ quality: 50 }).toBuffer());
    await ingestThrough(v.core, call, caseId, [path]);
    const items = await call('items:list', { caseId, filter: { similar: true } });
    expect(items.items.map((i) => i.originalName)).toEqual([
      'bridge.jpg',
      'bridge-mirrored.jpg',
      'bridge-rotated.jpg',
      'other.jpg',
      'other-resized.jpg',
      'lone.jpg',
      'lone-repost.jpg',
    ]);
    expect(await call('hashlists:similar', { caseId })).toHaveLength(3);
  });
});
