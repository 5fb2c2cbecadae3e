// The preview handler is the gate between encrypted previews and the screen: attack it directly.
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { createPreviewHandler } from './preview-handler.ts';
import { blobFilePath } from '../blobs/blob-store.ts';
import { selectPreviewBlob } from '../items/item.queries.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import type { CustodyCore } from '../core.ts';
import { freshCore, PASSPHRASE, unveilTo } from '../../../tests/helpers/vault.ts';
import { readSettings } from '../settings/settings.service.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';

let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let photo: string;
let other: string;
let opaque: string;

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore());
  const c = createCase(core.vault(), { title: 'Previews', kind: 'other' });
  const run = startIngest(
    core.vault(),
    core.decoder(),
    c.id,
    [
      join(FIXTURES, 'pdq', 'data', 'bridge-mods', 'aaa-orig.jpg'),
      join(FIXTURES, 'pngsuite', 'basn2c08.png'),
      join(FIXTURES, 'pngsuite', 'PngSuite.README'),
    ],
    () => {},
  );
  const [a, b, d] = await run.finished;
  photo = a?.item?.id ?? '';
  other = b?.item?.id ?? '';
  opaque = d?.item?.id ?? '';
});
afterAll(() => cleanup());

const get = (path: string) => createPreviewHandler(core)(new Request(`custody://preview/${path}`));

describe('preview handler', () => {
  it('serves the veiled variant from memory with no-store, and only blurred pixels', async () => {
    const res = await get(`${photo}/screen/veiled`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const img = sharp(Buffer.from(await res.arrayBuffer()));
    const { channels } = await img.stats();
    // Greyscale: every channel has the same mean.
    expect(new Set(channels.map((c) => Math.round(c.mean))).size).toBe(1);
  });

  it('refuses every variant above veiled until the reveal state allows it, and after it lapses', async () => {
    for (const v of ['outline', 'grey', 'plain'])
      for (const size of ['thumb', 'screen'])
        expect((await get(`${photo}/${size}/${v}`)).status).toBe(403);

    unveilTo(core, photo, 'outline');
    expect((await get(`${photo}/screen/outline`)).status).toBe(200);
    expect((await get(`${photo}/screen/grey`)).status).toBe(403);
    expect((await get(`${photo}/screen/plain`)).status).toBe(403);

    unveilTo(core, photo, 'plain');
    expect((await get(`${photo}/screen/plain`)).status).toBe(200);
    expect((await get(`${other}/screen/outline`)).status).toBe(403);

    // Unveiling another item re-veils the first.
    unveilTo(core, other, 'grey');
    expect((await get(`${photo}/screen/plain`)).status).toBe(403);
    expect((await get(`${other}/screen/grey`)).status).toBe(200);

    // A lapsed unveiling serves nothing above veiled.
    unveilTo(core, other, 'plain');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + readSettings(core.vault()).revealSeconds * 1000);
      expect((await get(`${other}/screen/plain`)).status).toBe(403);
    } finally {
      vi.useRealTimers();
    }
    core.reveal.veilAll();
  });

  it('serves a neutral tile for opaque items, nothing above veiled', async () => {
    const res = await get(`${opaque}/thumb/veiled`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(() => core.reveal.set(opaque, 'outline')).toThrow(
      expect.objectContaining({ code: 'NOT_REVEALABLE' }),
    );
    expect((await get(`${opaque}/thumb/outline`)).status).toBe(403);
  });

  it('refuses malformed addresses, other methods, and everything once locked', async () => {
    expect((await get('../../vault.json/screen/veiled')).status).toBe(400);
    expect((await get(`${photo}/huge/veiled`)).status).toBe(400);
    expect((await get(`${photo}/screen/x-ray`)).status).toBe(400);
    expect((await get(`i_aaaaaaaaaaaaaaaa/screen/veiled`)).status).toBe(404);
    const post = await createPreviewHandler(core)(
      new Request(`custody://preview/${photo}/screen/veiled`, { method: 'POST' }),
    );
    expect(post.status).toBe(405);
    unveilTo(core, photo, 'plain');
    core.lock();
    expect((await get(`${photo}/screen/veiled`)).status).toBe(403);
    expect((await get(`${photo}/screen/plain`)).status).toBe(403);
    await core.unlock(PASSPHRASE);
    // Unlocking does not bring an unveiling back.
    expect((await get(`${photo}/screen/plain`)).status).toBe(403);
  });

  it('is the one place that sets preview headers: every answer is no-store, a failed read a bare 500', async () => {
    const row = selectPreviewBlob(core.vault().db, other, 'thumb', 'veiled');
    const file = blobFilePath(join(dir, 'blobs'), row?.blobId ?? '');
    const original = await readFile(file);
    const flipped = Buffer.from(original);
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 1;
    await writeFile(file, flipped);
    try {
      const answers = [
        await get(`${photo}/screen/veiled`),
        await get(`${photo}/screen/plain`),
        await get(`${photo}/huge/veiled`),
        await get('i_aaaaaaaaaaaaaaaa/screen/veiled'),
        await get(`${other}/thumb/veiled`),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 403, 400, 404, 500]);
      expect(await answers[4]?.text()).toBe('');
      for (const r of answers) {
        expect(r.headers.get('cache-control')).toBe('no-store');
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      }
    } finally {
      await writeFile(file, original);
    }
  });
});
