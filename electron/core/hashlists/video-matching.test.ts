// Videos through the lists by vPDQ, on videos Debian's ffmpeg writes (tests/helpers/video.ts):
// a 12 s pattern, the same re-encoded at a quarter of the size and a fourteenth of the bitrate,
// and an unrelated Mandelbrot zoom, ingested for real (stills PDQ-hashed by the decode worker).
// A frame matches a PDQ list like a picture; a pytx `vpdq` list video matches the copy and not
// the unrelated one; the copy and the original are one similar group, through the real CLI too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dispatcherCall,
  freshCore,
  ingestThrough,
  PASSPHRASE,
  type Call,
  type FreshCore,
} from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { reencodedFixture, videoFixture } from '../../../tests/helpers/video.ts';
import { runCustody } from '../../../tests/helpers/cli.ts';
import type { HashListFormat } from '../../../shared/domain/hashlist.ts';

let v: FreshCore;
let call: Call;
let work: { path: string; cleanup: () => Promise<void> };
let caseId = '';
const ids: Record<string, string> = {};
let frames: { hash: string; quality: number; time: number }[] = [];

async function importList(name: string, text: string, format: HashListFormat) {
  const path = join(work.path, `${name}.txt`);
  await writeFile(path, text);
  const file = v.core.paths.grant(path, 'hash-list').handle;
  return call('hashlists:import', { file, name, format });
}

beforeAll(async () => {
  v = await freshCore();
  call = dispatcherCall(v.core);
  work = await tempDir('custody-vpdq-');
  caseId = (await call('cases:create', { title: 'Reposted video', kind: 'terrorism' })).id;
  const files = {
    original: await videoFixture('original'),
    copy: await reencodedFixture(),
    unrelated: await videoFixture('unrelated'),
  };
  const run = await ingestThrough(v.core, call, caseId, Object.values(files));
  expect(run.ingested).toBe(3);
  const items = (await call('items:list', { caseId })).items;
  for (const [name, path] of Object.entries(files))
    ids[name] = items.find((i) => path.endsWith(i.originalName))!.id;
  frames = ((await call('items:get', { id: ids['original']! })).frames ?? []).map((f) => ({
    hash: f.pdq ?? '',
    quality: f.quality ?? 0,
    time: f.timeSeconds ?? 0,
  }));
  expect(frames.length).toBeGreaterThanOrEqual(10);
}, 600_000);

afterAll(async () => {
  await v?.cleanup();
  await work?.cleanup();
});

const matchesOf = async (itemId: string) => call('hashlists:matches', { itemId });

describe('videos against the lists by vPDQ', () => {
  it('finds a listed picture among the frames of the original and of its re-encoded copy', async () => {
    const still = frames[4]!;
    await importList('stills', `${still.hash}\n`, 'pdq');
    const [own] = await matchesOf(ids['original']!);
    expect(own).toMatchObject({ hashType: 'pdq', distance: 0, variant: 'frame 4' });
    const [copy] = await matchesOf(ids['copy']!);
    expect(copy?.hashType).toBe('pdq');
    expect(copy?.distance).toBeLessThanOrEqual(31);
    expect(await matchesOf(ids['unrelated']!)).toEqual([]);
  });

  it("matches a pytx vpdq list video to the copy by Meta's rule, and not the unrelated video", async () => {
    const signal = JSON.stringify(frames.map((f) => `${f.hash},${f.quality},${f.time}`));
    const imported = await importList('videos', `vpdq ${signal}\nvpdq [not, frames]\n`, 'pytx');
    expect(imported.added).toBe(1);
    expect(imported.skipped).toEqual([{ line: 2, reason: 'vpdq is not a JSON array of frames' }]);
    const videoMatch = async (id: string) =>
      (await matchesOf(id)).find((m) => m.hashType === 'vpdq');
    const copy = await videoMatch(ids['copy']!);
    expect(copy?.variant).toMatch(/^frames (8\d|9\d|100)% \/ \d+%$/);
    expect(copy?.distance).toBeLessThanOrEqual(31);
    expect((await videoMatch(ids['original']!))?.distance).toBe(0);
    expect(await videoMatch(ids['unrelated']!)).toBeUndefined();
    // A vPDQ match is a lead like a PDQ one: it never keeps the video veiled.
    expect(await call('hashlists:blocked', { itemId: ids['copy']! })).toEqual({
      reason: null,
      block: null,
    });
  });

  it('groups the original and its copy as similar, not the unrelated video, also in `custody similar`', async () => {
    const groups = await call('hashlists:similar', { caseId });
    expect(groups).toHaveLength(1);
    expect([...groups[0]!.itemIds].sort()).toEqual([ids['original'], ids['copy']].sort());
    await v.core.close();
    const cli = await runCustody(['similar', '--case', caseId, '--json', '--vault', v.dir], {
      CUSTODY_PASSPHRASE: PASSPHRASE,
    });
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout) as { groups: { itemIds: string[] }[] };
    expect(printed.groups.map((g) => [...g.itemIds].sort())).toEqual([
      [ids['original'], ids['copy']].sort(),
    ]);
  });
});
