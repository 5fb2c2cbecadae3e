// One frame a second of real videos (made by Debian's ffmpeg), hashed in the background by the
// real decode process from the videos' sealed blobs: started only when the machine is idle, given
// up to a busy machine and to a lock, resumed where it stopped, matched against the lists, and
// shown by `custody item frames`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustodyCore } from '../core.ts';
import { NodeDecodePool } from '../media/decode-pool.ts';
import type { DecodeHost } from '../media/decode-pool.ts';
import { hammingDistance } from '../media/pdq/index.ts';
import { hashSeconds } from '../extract/video/second-frames.ts';
import type { SecondFrame } from '../extract/video/second-frames.ts';
import type { VpdqStatus } from '../../../shared/domain/vpdq.ts';
import { entriesFor } from '../custody/custody-log.ts';
import {
  dispatcherCall,
  freshCore,
  ingestThrough,
  PASSPHRASE,
  type Call,
  type FreshCore,
} from '../../../tests/helpers/vault.ts';
import { runCustody } from '../../../tests/helpers/cli.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { VIDEO_FIXTURES, videoFixture } from '../../../tests/helpers/video.ts';

let v: FreshCore;
let core: CustodyCore;
let call: Call;
let idle = false;
const starts: number[] = [];
const ids: Record<'scenes' | 'original', string> = { scenes: '', original: '' };
let work: { path: string; cleanup: () => Promise<void> };

/** The decode pool, with each pass's starting second noted. */
function recordingPool(): DecodeHost {
  const pool = new NodeDecodePool();
  return {
    start: () => pool.start(),
    decode: (s, o) => pool.decode(s, o),
    extract: (k, s, o) => pool.extract(k, s, o),
    secondFrames: (s, from, o) => {
      starts.push(from);
      return pool.secondFrames(s, from, o);
    },
    close: () => pool.close(),
  };
}

/** The first progress of `itemId` that `until` accepts. */
function progress(itemId: string, until: (s: VpdqStatus) => boolean): Promise<VpdqStatus> {
  return new Promise((resolve) => {
    const listener = (s: VpdqStatus) => {
      if (s.itemId !== itemId || !until(s)) return;
      core.events.off('vpdq:progress', listener);
      resolve(s);
    };
    core.events.on('vpdq:progress', listener);
  });
}

beforeAll(async () => {
  work = await tempDir('custody-frame-hashing-');
  v = await freshCore({
    decoder: recordingPool,
    backgroundHashing: { isIdle: () => idle, pollMs: 50 },
  });
  core = v.core;
  call = dispatcherCall(core);
  const caseId = (await call('cases:create', { title: 'Recordings', kind: 'terrorism' })).id;
  const files = { scenes: await videoFixture('scenes'), original: await videoFixture('original') };
  for (const [name, path] of Object.entries(files)) {
    // One at a time: `scenes` is the older item, so the background takes it first.
    expect((await ingestThrough(core, call, caseId, [path])).ingested).toBe(1);
    const items = (await call('items:list', { caseId })).items;
    ids[name as keyof typeof ids] = items.find((i) => path.endsWith(i.originalName))!.id;
  }
}, 600_000);

afterAll(async () => {
  await v?.cleanup();
  await work?.cleanup();
});

describe('one frame a second, in the background', () => {
  it('waits for an idle machine: nothing is hashed while it is busy', async () => {
    // Nothing to await but time: six looks at the machine, each finding it busy.
    await new Promise((r) => setTimeout(r, 300));
    expect(starts).toEqual([]);
    const item = await call('items:get', { id: ids.scenes });
    expect(item.vpdq).toMatchObject({ state: 'waiting', hashedSeconds: 0, frames: 0 });
  });

  it('gives way to a lock mid-pass, and resumes after unlock where it stopped', async () => {
    const firstBatch = progress(ids.scenes, (s) => s.frames >= 10);
    idle = true;
    await firstBatch;
    core.lock('user');
    await core.unlock(PASSPHRASE);
    const paused = core.vpdq.status(ids.scenes)!;
    expect(paused.state).toBe('waiting');
    expect(paused.frames).toBeGreaterThanOrEqual(10);
    expect(paused.frames).toBeLessThan(20);
    await progress(ids.scenes, (s) => s.state === 'done');
    // Busy again before the next video starts: the next test watches it from its start.
    idle = false;
    // The second pass began at the first second not yet stored, not at the start.
    expect(starts.slice(0, 2)).toEqual([0, paused.hashedSeconds]);
  }, 300_000);

  it("stores one frame per second in vPDQ's shape, beside the storyboard's stills", async () => {
    const { status, frames } = await call('vpdq:frames', { itemId: ids.scenes });
    expect(status).toMatchObject({ state: 'done', hashedSeconds: 20, frames: 20, failed: null });
    expect(frames.map((f) => f.second)).toEqual([...Array(20).keys()]);
    for (const f of frames) {
      expect(f.timeSeconds).toBeGreaterThanOrEqual(f.second);
      expect(f.timeSeconds).toBeLessThan(f.second + 1);
      expect(f.frame).toBe(Math.round(f.timeSeconds * 25));
      expect(f.quality).toBeGreaterThanOrEqual(50);
    }
    // The stills are as the storyboard made them, and each has a frame a second beside it.
    const item = await call('items:get', { id: ids.scenes });
    expect(item.frames?.length).toBeGreaterThanOrEqual(VIDEO_FIXTURES.scenes.cuts.length + 1);
    // A still and the frame a second at its very time are one frame, scaled alike: one hash.
    for (const still of item.frames ?? []) {
      const second = frames.find((f) => f.timeSeconds === still.timeSeconds);
      if (second) expect(second.pdq).toBe(still.pdq);
    }
    expect(
      frames.filter((f) => item.frames?.some((s) => s.timeSeconds === f.timeSeconds)),
    ).not.toHaveLength(0);
    const entries = entriesFor(core.vault().db, { itemId: ids.scenes }).filter(
      (e) => e.action === 'item.frames-hashed',
    );
    expect(entries.map((e) => e.details)).toEqual([{ frames: 20, seconds: 20, failed: null }]);
  });

  it('gives way to a busy machine mid-pass, then finishes the next video', async () => {
    const before = starts.length;
    const started = progress(ids.original, (s) => s.state === 'hashing');
    idle = true;
    await started;
    idle = false;
    await progress(ids.original, (s) => s.state === 'waiting');
    idle = true;
    const done = await progress(ids.original, (s) => s.state === 'done');
    expect(done.frames).toBe(12);
    expect(starts.length).toBeGreaterThan(before);
  }, 300_000);
});

describe('frames a second against the lists', () => {
  let target: SecondFrame;

  beforeAll(async () => {
    // The same frames, hashed here from the file: one far from every still of the storyboard.
    const seconds: SecondFrame[] = [];
    await hashSeconds({ path: await videoFixture('scenes'), name: 'scenes.mp4' }, 0, 120_000, (b) =>
      seconds.push(...b),
    );
    const stills = (await call('items:get', { id: ids.scenes })).frames ?? [];
    const far = seconds.filter((s) =>
      stills.every((f) => hammingDistance(s.pdq, f.pdq ?? '') > 40),
    );
    expect(far.length).toBeGreaterThan(0);
    target = far[0]!;
  }, 300_000);

  it('finds a listed picture among the frames a second that no still shows', async () => {
    const path = join(work.path, 'list.txt');
    await writeFile(path, `${target.pdq}\n`);
    const file = core.paths.grant(path, 'hash-list').handle;
    await call('hashlists:import', { file, name: 'frames', format: 'pdq' });
    const matches = await call('hashlists:matches', { itemId: ids.scenes });
    expect(matches).toEqual([
      expect.objectContaining({ hashType: 'pdq', variant: `second ${target.second}` }),
    ]);
    expect(matches[0]!.distance).toBeLessThanOrEqual(31);
  });
});

describe('custody item frames', () => {
  it("lists a video's frames a second after its stills, as JSON and as text", async () => {
    await core.close();
    const pf = join(work.path, 'pass');
    await writeFile(pf, PASSPHRASE);
    const base = ['--vault', v.dir, '--passphrase-file', pf];
    const json = await runCustody(['item', 'frames', ids.scenes, ...base, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const out = json.json as {
      frames: unknown[];
      vpdq: VpdqStatus;
      seconds: { second: number; frame: number; timeSeconds: number; pdq: string }[];
    };
    expect(out.vpdq).toMatchObject({ state: 'done', frames: 20 });
    expect(out.seconds).toHaveLength(20);
    expect(out.seconds[3]).toMatchObject({ second: 3 });
    const text = await runCustody(['item', 'frames', ids.scenes, ...base]);
    expect(text.stdout).toMatch(/a frame a second: done, 20 of 20\.0 s read, 20 frames/);
    expect(text.stdout).toMatch(/^ +\d+ +\d+ {2}[0-9a-f]{64} {2}3\.\d{3} s$/m);
    const shown = await runCustody(['item', 'show', ids.scenes, ...base, '--json']);
    expect((shown.json as { vpdq: VpdqStatus }).vpdq).toMatchObject({ state: 'done' });
  }, 120_000);
});
