// An animated GIF's frames behind the reveal, attacked through the real preview handler after a real
// ingest in the real decode process: stored as stills like a video's keyframes, every one veiled
// before a reveal, one unveiled at a time while the others and the item itself stay veiled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { createPreviewHandler } from './preview-handler.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { getItem } from '../items/item.service.ts';
import type { CustodyCore } from '../core.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { animatedImage, animatedPng } from '../../../tests/helpers/animated.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let animated = '';
let still = '';
let apng = '';

beforeAll(async () => {
  let dir: string;
  ({ core, cleanup, dir } = await freshCore());
  const c = createCase(core.vault(), { title: 'Animated', kind: 'other' });
  const files = { 'three.gif': [100, 200, 300], 'one.gif': [100] };
  const paths: string[] = [];
  for (const [name, delays] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, await animatedImage('gif', delays));
    paths.push(path);
  }
  const apngPath = join(dir, 'sticker.png');
  await writeFile(apngPath, await animatedPng(3, 10, 'rgb24'));
  paths.push(apngPath);
  const run = startIngest(core.vault(), core.decoder(), c.id, paths, () => {});
  const results = await run.finished;
  animated = results.find((r) => r.path.endsWith('three.gif'))?.item?.id ?? '';
  still = results.find((r) => r.path.endsWith('one.gif'))?.item?.id ?? '';
  apng = results.find((r) => r.path.endsWith('sticker.png'))?.item?.id ?? '';
}, 120_000);
afterAll(() => cleanup());

const get = (path: string) => createPreviewHandler(core)(new Request(`custody://preview/${path}`));
const above = ['outline', 'grey', 'plain'] as const;

async function isVeil(bytes: ArrayBuffer): Promise<boolean> {
  const { channels } = await sharp(Buffer.from(bytes)).stats();
  return new Set(channels.map((c) => Math.round(c.mean))).size === 1;
}

describe('animated GIF frames as stills', () => {
  it('stores a 3-frame GIF as an image with three timed stills of distinct PDQ', () => {
    const item = getItem(core.vault(), animated);
    expect(item.kind).toBe('image');
    expect(item.flags).toContain('animated');
    const frames = item.frames ?? [];
    expect(frames.map((f) => [f.idx, f.timeSeconds])).toEqual([
      [0, 0],
      [1, 0.1],
      [2, 0.3],
    ]);
    expect(new Set(frames.map((f) => f.pdq)).size).toBe(3);
  });

  it('stores a 3-frame APNG (a messenger sticker) the same way, though libvips reads one', () => {
    const item = getItem(core.vault(), apng);
    expect(item).toMatchObject({ kind: 'image', mime: 'image/apng' });
    expect(item.flags).toContain('animated');
    const frames = item.frames ?? [];
    expect(frames.map((f) => [f.idx, f.timeSeconds?.toFixed(1)])).toEqual([
      [0, '0.0'],
      [1, '0.1'],
      [2, '0.2'],
    ]);
    expect(new Set(frames.map((f) => f.pdq)).size).toBe(3);
  });

  it('stores a single-frame GIF with no stills', () => {
    const item = getItem(core.vault(), still);
    expect(item.flags).not.toContain('animated');
    expect(item.frames ?? []).toEqual([]);
    return expect(get(`${still}/frame/0/screen/veiled`)).resolves.toHaveProperty('status', 404);
  });

  it('serves every still veiled before a reveal, and nothing above the veil', async () => {
    for (const i of [0, 1, 2]) {
      const res = await get(`${animated}/frame/${i}/screen/veiled`);
      expect(res.status).toBe(200);
      expect(await isVeil(await res.arrayBuffer())).toBe(true);
      for (const v of above)
        expect((await get(`${animated}/frame/${i}/screen/${v}`)).status).toBe(403);
    }
  });

  it('reveals one frame alone through reveal:set with frame', async () => {
    core.reveal.set(animated, 'outline', 'checking the frame', undefined, 1);
    expect((await get(`${animated}/frame/1/screen/outline`)).status).toBe(200);
    expect((await get(`${animated}/frame/1/thumb/outline`)).status).toBe(200);
    for (const other of [0, 2]) {
      expect((await get(`${animated}/frame/${other}/screen/outline`)).status).toBe(403);
      const veiled = await get(`${animated}/frame/${other}/screen/veiled`);
      expect(await isVeil(await veiled.arrayBuffer())).toBe(true);
    }
    // The image as a whole does not ride on its frame's reveal.
    expect((await get(`${animated}/screen/outline`)).status).toBe(403);
    core.reveal.veilAll();
    expect((await get(`${animated}/frame/1/screen/outline`)).status).toBe(403);
  });
});
