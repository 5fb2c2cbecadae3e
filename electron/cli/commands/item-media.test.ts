// `custody item show --json` and `custody item frames` on real videos ingested by the real binary:
// the public fields acceptance scripts read (kind, media, frames in vPDQ's shape).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliVaultWithCase, runCustody } from '../../../tests/helpers/cli.ts';
import type { CliVault } from '../../../tests/helpers/cli.ts';
import { VIDEO_FIXTURES, videoFixture } from '../../../tests/helpers/video.ts';
import { animatedImage } from '../../../tests/helpers/animated.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

let v: CliVault;
const ids = new Map<string, string>();

beforeAll(async () => {
  v = await cliVaultWithCase('item media passphrase\n');
  const gif = join(v.root, 'three.gif');
  await writeFile(gif, await animatedImage('gif', [100, 200, 300]));
  const files = [...(await Promise.all([videoFixture('hevcMov'), videoFixture('audioM4a')])), gif];
  const ingested = await runCustody(['ingest', ...v.base, '--case', v.caseId, ...files]);
  expect(ingested.code, ingested.stderr).toBe(0);
  const { results } = ingested.json as { results: { path: string; item: { id: string } }[] };
  for (const r of results) ids.set(r.path.slice(-3), r.item.id);
}, 300_000);
afterAll(() => v.cleanup());

describe('custody item show --json for video and audio', () => {
  it('gives kind video, the media facts and the frames with time, PDQ and quality', async () => {
    const shown = await runCustody(['item', 'show', ids.get('mov')!, ...v.base]);
    expect(shown.code, shown.stderr).toBe(0);
    const item = shown.json as Record<string, unknown>;
    expect(item.kind).toBe('video');
    expect(item.flags).toContain('gps');
    expect(item.media).toMatchObject({
      durationSeconds: 6,
      width: 640,
      height: 360,
      fps: 30,
      videoCodec: 'hevc',
      audioCodec: 'aac',
      createdAt: '2019-08-21T11:21:36Z',
      gps: { latitude: 38.6995, longitude: -9.2077 },
    });
    const frames = item.frames as { timeSeconds: number; pdq: string; quality: number }[];
    expect(frames).toHaveLength(VIDEO_FIXTURES.hevcMov.keyframes);
    for (const f of frames) {
      expect(f.pdq).toMatch(/^[0-9a-f]{64}$/);
      expect(f.quality).toBeGreaterThanOrEqual(0);
    }
    expect(frames.map((f) => f.timeSeconds)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives kind audio and its facts for a voice message', async () => {
    const shown = await runCustody(['item', 'show', ids.get('m4a')!, ...v.base]);
    const item = shown.json as { kind: string; media: { audioCodec: string }; frames: unknown[] };
    expect(item.kind).toBe('audio');
    expect(item.media.audioCodec).toBe('aac');
    expect(item.frames).toEqual([]);
  });
});

describe('custody item frames', () => {
  it('lists the stills as JSON and as text, one line each', async () => {
    const json = await runCustody(['item', 'frames', ids.get('mov')!, ...v.base]);
    expect(json.code, json.stderr).toBe(0);
    const { frames } = json.json as { frames: { idx: number; timeSeconds: number }[] };
    expect(frames.map((f) => f.idx)).toEqual([0, 1, 2, 3, 4, 5]);
    const text = await runCustody(['item', 'frames', ids.get('mov')!, ...v.base.slice(0, -1)]);
    expect(text.stdout.trim().split('\n')).toHaveLength(6);
    expect(text.stdout).toMatch(/^ {3}1 {5}1\.000 s {2}[0-9a-f]{64} {2}\d+$/m);
  });

  it("lists an animated GIF's frames, timed from its delays, in item frames and item show", async () => {
    const json = await runCustody(['item', 'frames', ids.get('gif')!, ...v.base]);
    expect(json.code, json.stderr).toBe(0);
    const { frames } = json.json as { frames: { idx: number; timeSeconds: number; pdq: string }[] };
    expect(frames.map((f) => [f.idx, f.timeSeconds])).toEqual([
      [0, 0],
      [1, 0.1],
      [2, 0.3],
    ]);
    expect(new Set(frames.map((f) => f.pdq)).size).toBe(3);
    const shown = await runCustody(['item', 'show', ids.get('gif')!, ...v.base]);
    const item = shown.json as { kind: string; flags: string[]; frames: { pdq: string }[] };
    expect(item.kind).toBe('image');
    expect(item.flags).toContain('animated');
    expect(item.frames.map((f) => f.pdq)).toEqual(frames.map((f) => f.pdq));
  });
});
