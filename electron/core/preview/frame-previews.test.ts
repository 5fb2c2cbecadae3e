// A video's stills behind the reveal, attacked through the real preview handler on a real video
// ingested by the real decode process: veiled before any reveal, one still unveiled at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createPreviewHandler } from './preview-handler.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { entriesFor } from '../custody/custody-log.ts';
import { readSettings } from '../settings/settings.service.ts';
import type { CustodyCore } from '../core.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { VIDEO_FIXTURES, videoFixture } from '../../../tests/helpers/video.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let video: string;

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  const c = createCase(core.vault(), { title: 'Stills', kind: 'other' });
  const run = startIngest(
    core.vault(),
    core.decoder(),
    c.id,
    [await videoFixture('h264Mp4')],
    () => {},
  );
  const [result] = await run.finished;
  video = result?.item?.id ?? '';
  expect(result?.item?.kind).toBe('video');
}, 300_000);
afterAll(() => cleanup());

const get = (path: string) => createPreviewHandler(core)(new Request(`custody://preview/${path}`));
const frames = Array.from({ length: VIDEO_FIXTURES.h264Mp4.keyframes }, (_, i) => i);
const above = ['outline', 'grey', 'plain'] as const;

/** Whether a JPEG is a veil: grey (equal channel means) and nearly featureless. */
async function isVeil(bytes: ArrayBuffer): Promise<boolean> {
  const { channels } = await sharp(Buffer.from(bytes)).stats();
  return new Set(channels.map((c) => Math.round(c.mean))).size === 1;
}

describe('video stills behind the reveal', () => {
  it('serves every still veiled before any reveal, and the grid tile as the first veiled still', async () => {
    for (const size of ['thumb', 'screen']) {
      const tile = await get(`${video}/${size}/veiled`);
      expect(tile.status).toBe(200);
      expect(await isVeil(await tile.arrayBuffer())).toBe(true);
      for (const i of frames) {
        const res = await get(`${video}/frame/${i}/${size}/veiled`);
        expect(res.status).toBe(200);
        expect(res.headers.get('cache-control')).toBe('no-store');
        expect(await isVeil(await res.arrayBuffer())).toBe(true);
        for (const v of above)
          expect((await get(`${video}/frame/${i}/${size}/${v}`)).status).toBe(403);
      }
      for (const v of above) expect((await get(`${video}/${size}/${v}`)).status).toBe(403);
    }
  });

  it('unveils one still at a time, logged with its time, and re-veils it when another is unveiled', async () => {
    const { greyStep } = readSettings(core.vault());
    const reason = 'checking the scene';
    core.reveal.set(video, 'outline', reason, undefined, 1);
    expect((await get(`${video}/frame/1/screen/outline`)).status).toBe(200);
    // Neither another still nor the video as a whole rides on frame 1's reveal.
    expect((await get(`${video}/frame/2/screen/outline`)).status).toBe(403);
    expect((await get(`${video}/screen/outline`)).status).toBe(403);
    // Skipping a rung on a still is refused as on a photo.
    expect(() => core.reveal.set(video, 'plain', undefined, undefined, 1)).toThrow();
    core.reveal.set(video, greyStep ? 'grey' : 'plain', undefined, undefined, 1);
    core.reveal.set(video, 'outline', reason, undefined, 2);
    expect((await get(`${video}/frame/1/screen/outline`)).status).toBe(403);
    expect((await get(`${video}/frame/2/screen/outline`)).status).toBe(200);
    core.reveal.veilAll();
    expect((await get(`${video}/frame/2/screen/outline`)).status).toBe(403);
    const log = entriesFor(core.vault().db, { itemId: video });
    const unveiled = log.filter((e) => e.action === 'item.unveiled').map((e) => e.details);
    expect(unveiled[0]).toMatchObject({ step: 'outline', frame: 1, timeSeconds: 2, reason });
    expect(unveiled.at(-1)).toMatchObject({ step: 'outline', frame: 2, timeSeconds: 4 });
    expect(log.filter((e) => e.action === 'item.veiled')).toHaveLength(2);
  });

  it('refuses a still the video does not have', async () => {
    expect(() => core.reveal.set(video, 'outline', 'r', undefined, 99)).toThrow();
    expect((await get(`${video}/frame/99/screen/veiled`)).status).toBe(404);
  });
});
