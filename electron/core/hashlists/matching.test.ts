// Matching through the real pipeline: files ingested for real (decoded, PDQ-hashed with their
// eight dihedral variants), lists imported through the dispatcher as the app does. A rotated,
// flipped, resized, re-encoded or lightly cropped copy of a picture matches its original's PDQ;
// an unrelated picture does not; negative lists suppress; tombstones remove; a rejected PDQ match
// stays hidden for that list version only.
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
import { allEntries } from '../custody/custody-log.ts';
import { createPreviewHandler } from '../preview/preview-handler.ts';
import type { HashListFormat } from '../../../shared/domain/hashlist.ts';

const ORIGINAL = fixturePath('data/bridge-mods/aaa-orig.jpg');
const UNRELATED = fixturePath('data/misc-images/c.png');

let v: FreshCore;
let call: Call;
let evidence: { path: string; cleanup: () => Promise<void> };
let reference: string;
let copies: string;
const ids: Record<string, string> = {};
let originalPdq: string;

async function copiesOf(dir: string): Promise<Record<string, string>> {
  const img = () => sharp(ORIGINAL);
  const { width = 0, height = 0 } = await img().metadata();
  const made: Record<string, Promise<Buffer>> = {
    rotated: img().rotate(90).jpeg().toBuffer(),
    flipped: img().flop().jpeg().toBuffer(),
    resized: img()
      .resize(Math.round(width / 3))
      .png()
      .toBuffer(),
    reencoded: img().jpeg({ quality: 35 }).toBuffer(),
    // 1% off each edge: PDQ is weak to cropping (measured on this picture: 20 bits at 1%, 38 at
    // 2%, 64 at 3% off each edge), which is why a PDQ match is a lead and never a verdict.
    cropped: img()
      .extract({
        left: Math.round(width * 0.01),
        top: Math.round(height * 0.01),
        width: Math.round(width * 0.98),
        height: Math.round(height * 0.98),
      })
      .jpeg()
      .toBuffer(),
    unrelated: sharp(UNRELATED).jpeg().toBuffer(),
  };
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(made)) {
    paths[name] = join(dir, `${name}.jpg`);
    await writeFile(paths[name], await bytes);
  }
  return paths;
}

async function importList(name: string, text: string, format: HashListFormat, extra: object = {}) {
  const path = join(evidence.path, `${name}-${Date.now()}-${Math.random()}.txt`);
  await writeFile(path, text);
  const file = v.core.paths.grant(path, 'hash-list').handle;
  return call('hashlists:import', { file, name, format, ...extra });
}

const matchesOf = async (caseId: string) => call('hashlists:matches', { caseId });

beforeAll(async () => {
  v = await freshCore();
  call = dispatcherCall(v.core);
  evidence = await tempDir('custody-evidence-');
  reference = (await call('cases:create', { title: 'Reference', kind: 'child-safety' })).id;
  copies = (await call('cases:create', { title: 'Copies', kind: 'child-safety' })).id;
  // The original is ingested before any list exists: importing a list checks the old items too.
  const original = join(evidence.path, 'original.jpg');
  await writeFile(original, await sharp(ORIGINAL).toBuffer());
  await ingestThrough(v.core, call, reference, [original]);
  const [item] = (await call('items:list', { caseId: reference })).items;
  ids['original'] = item!.id;
  originalPdq = (await call('items:get', { id: item!.id })).pdq!;
  expect(originalPdq).toMatch(/^[0-9a-f]{64}$/);
  await importList('pdq-leads', `${originalPdq}\n`, 'pdq');
  const paths = await copiesOf(evidence.path);
  const run = await ingestThrough(v.core, call, copies, Object.values(paths));
  expect(run.ingested).toBe(6);
  for (const i of (await call('items:list', { caseId: copies })).items)
    ids[i.originalName.replace(/\.jpg$/, '')] = i.id;
}, 120_000);
afterAll(async () => {
  await v.cleanup();
  await evidence.cleanup();
});

describe('PDQ matching through a list', () => {
  it('matches the old item on import and every transformed copy on ingest; not the unrelated picture', async () => {
    const [ref] = await matchesOf(reference);
    expect(ref).toMatchObject({
      itemId: ids['original'],
      hashType: 'pdq',
      distance: 0,
      variant: 'orig',
      listVersion: 1,
    });
    const found = await matchesOf(copies);
    const byName = Object.fromEntries(
      Object.entries(ids).flatMap(([name, id]) => {
        const m = found.find((x) => x.itemId === id);
        return m ? [[name, { distance: m.distance, variant: m.variant }]] : [];
      }),
    );
    console.log('PDQ distances of the copies:', JSON.stringify(byName));
    expect(Object.keys(byName).sort()).toEqual([
      'cropped',
      'flipped',
      'reencoded',
      'resized',
      'rotated',
    ]);
    for (const m of found) expect(m.distance).toBeLessThanOrEqual(31);
    expect(byName['rotated']?.variant).not.toBe('orig');
    expect(byName['flipped']?.variant).not.toBe('orig');
  });

  it('a PDQ match is a lead: it neither blocks the reveal nor categorises the item, even from a known-illegal list', async () => {
    await importList('pdq-illegal', `${originalPdq}\n`, 'pdq', { knownIllegal: true });
    expect(await call('hashlists:blocked', { itemId: ids['rotated']! })).toEqual({
      reason: null,
      block: null,
    });
    expect((await call('hashlists:labels', { itemId: ids['rotated']! })).labels).toEqual([]);
    const list = (await call('hashlists:list', {})).find((l) => l.name === 'pdq-illegal')!;
    await call('hashlists:remove', { id: list.id });
  });

  it('the "matched" filter lists exactly the matched items', async () => {
    const { items } = await call('items:list', { caseId: copies, filter: { matched: true } });
    expect(items.map((i) => i.id).sort()).toEqual(
      ['rotated', 'flipped', 'resized', 'reencoded', 'cropped'].map((n) => ids[n]).sort(),
    );
    expect(items.every((i) => i.match === 'match')).toBe(true);
  });

  it('a rejected PDQ match is not shown again for that list version, and is logged; a new version shows it', async () => {
    const m = (await matchesOf(copies)).find((x) => x.itemId === ids['cropped'])!;
    await call('hashlists:review', { matchId: m.id, verdict: 'rejected', note: 'different scene' });
    expect((await matchesOf(copies)).some((x) => x.itemId === ids['cropped'])).toBe(false);
    const logged = allEntries(v.core.vault().db).filter((e) => e.action === 'match.rejected');
    expect(logged.at(-1)).toMatchObject({
      itemId: ids['cropped'],
      details: { matchId: m.id, listVersion: 1, distance: m.distance },
    });
    await importList('pdq-leads', `${originalPdq}\n`, 'pdq');
    const again = (await matchesOf(copies)).find((x) => x.itemId === ids['cropped']);
    expect(again).toMatchObject({ listVersion: 2, status: 'open' });
  });

  it('a negative list of known false positives suppresses the PDQ matches', async () => {
    const neg = await importList('false-positives', `pdq ${originalPdq}\n`, 'pytx', {
      negative: true,
    });
    expect(await matchesOf(copies)).toEqual([]);
    await call('hashlists:set-enabled', { id: neg.list.id, enabled: false });
    expect((await matchesOf(copies)).length).toBe(5);
    await call('hashlists:remove', { id: neg.list.id });
  });
});

describe('exact matches and what they block', () => {
  it('an exact match to a known-illegal list pre-categorises, blocks the reveal and the preview; an override unveils and is logged', async () => {
    const item = await call('items:get', { id: ids['reencoded']! });
    const xml = `<queryResult><images><image><fingerprints><md5>${item.md5}</md5></fingerprints><classification>A2</classification></image></images></queryResult>`;
    const r = await importList('ncmec', xml, 'ncmec', { knownIllegal: true });
    expect(r.matched).toBe(1);
    expect((await call('hashlists:labels', { itemId: item.id })).labels).toEqual(['industry:A2']);
    expect(
      allEntries(v.core.vault().db)
        .filter((e) => e.action === 'item.labelled')
        .at(-1),
    ).toMatchObject({
      itemId: item.id,
      details: { category: 'industry:A2', source: 'hash-list', listId: r.list.id },
    });
    expect(
      (await call('items:list', { caseId: copies, filter: { matched: true } })).items.find(
        (i) => i.id === item.id,
      )?.match,
    ).toBe('blocked');

    // Facts for each surface to say in its own language; the core's English beside them.
    expect(await call('hashlists:blocked', { itemId: item.id })).toEqual({
      reason: 'it matches the known-illegal hash list "ncmec" (md5)',
      block: { kind: 'hash-list', matches: [{ listName: 'ncmec', hashType: 'md5' }] },
    });
    await expect(call('reveal:set', { itemId: item.id, step: 'outline' })).rejects.toThrow(
      /REVEAL_BLOCKED/,
    );
    const preview = () =>
      createPreviewHandler(v.core)(new Request(`custody://preview/${item.id}/screen/outline`));
    expect((await preview()).status).toBe(403);

    await expect(
      call('reveal:set', { itemId: item.id, step: 'outline', override: { reason: 'x' } }),
    ).rejects.toThrow(/BAD_REQUEST/);
    const granted = await call('reveal:set', {
      itemId: item.id,
      step: 'outline',
      override: { reason: 'confirming the match for the report' },
    });
    expect(granted).toMatchObject({ step: 'outline' });
    expect((await preview()).status).toBe(200);
    const unveiled = allEntries(v.core.vault().db)
      .filter((e) => e.action === 'item.unveiled')
      .at(-1);
    expect(unveiled?.details).toMatchObject({
      override: {
        reason: 'confirming the match for the report',
        blockedBy: expect.stringContaining('"ncmec"') as unknown,
      },
    });
    await call('reveal:veil-all', {});
    expect((await preview()).status).toBe(403);
    await expect(call('reveal:set', { itemId: item.id, step: 'outline' })).rejects.toThrow(
      /REVEAL_BLOCKED/,
    );
  });

  it('the preview handler refuses an item that became blocked while it was unveiled', async () => {
    const item = await call('items:get', { id: ids['flipped']! });
    const preview = () =>
      createPreviewHandler(v.core)(new Request(`custody://preview/${item.id}/screen/outline`));
    await call('reveal:set', { itemId: item.id, step: 'outline' });
    expect((await preview()).status).toBe(200);
    await importList('late-list', `${item.sha1}\n`, 'sha1', { knownIllegal: true });
    const answer = await preview();
    expect([answer.status, await answer.text()]).toEqual([403, 'blocked']);
    await call('reveal:veil-all', {});
    await call('hashlists:remove', {
      id: (await call('hashlists:list', {})).find((l) => l.name === 'late-list')!.id,
    });
  });

  it('a tombstone in the next version removes the match and lifts the block (the label stays, logged)', async () => {
    const item = await call('items:get', { id: ids['reencoded']! });
    const xml = `<queryResult><images><deletedImage><fingerprints><md5>${item.md5}</md5></fingerprints></deletedImage></images></queryResult>`;
    const r = await importList('ncmec', xml, 'ncmec', { knownIllegal: true });
    expect(r).toMatchObject({ removed: 1, list: { version: 2 } });
    expect((await matchesOf(copies)).filter((m) => m.hashType === 'md5')).toEqual([]);
    // The industry label was set by the list and stays until a reviewer changes it: still blocked.
    expect(await call('hashlists:blocked', { itemId: item.id })).toEqual({
      reason: 'it is labelled industry:A2, a category never unveiled by default',
      block: { kind: 'label', categoryIds: ['industry:A2'] },
    });
  });
});

describe('near-duplicates in a case', () => {
  it('groups the copies together and leaves the unrelated picture out', async () => {
    const groups = await call('hashlists:similar', { caseId: copies });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.itemIds.toSorted()).toEqual(
      ['rotated', 'flipped', 'resized', 'reencoded', 'cropped'].map((n) => ids[n]).sort(),
    );
    expect(groups[0]!.maxDistance).toBeLessThanOrEqual(31);
  });
});
