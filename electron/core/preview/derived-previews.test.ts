// A picture's screen outline and grey are made on first need, through the real preview handler,
// after a real ingest: not stored before, made behind the reveal (never for a refused request),
// stored encrypted once however many requests race for them, and drawn like ingest would have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { createPreviewHandler } from './preview-handler.ts';
import { createCase } from '../cases/case.service.ts';
import { startIngest } from '../ingest/ingest.service.ts';
import { blobFilePath } from '../blobs/blob-store.ts';
import { renderImage } from '../media/previews.ts';
import { makeDerivedVariants } from '../media/preview-variants.ts';
import type { CustodyCore } from '../core.ts';
import { freshCore, unveilTo } from '../../../tests/helpers/vault.ts';
import { animatedImage } from '../../../tests/helpers/animated.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';

const PHOTO = fixture('exif', 'Canon_EOS_D60.jpg');
let core: CustodyCore;
let dir: string;
let cleanup: () => Promise<void>;
let photo = '';
let second = '';
let animated = '';

beforeAll(async () => {
  ({ core, dir, cleanup } = await freshCore());
  const c = createCase(core.vault(), { title: 'Derived', kind: 'other' });
  const gif = join(dir, 'three.gif');
  await writeFile(gif, await animatedImage('gif', [100, 200, 300]));
  const paths = [PHOTO, fixture('pdq', 'data', 'bridge-mods', 'aaa-orig.jpg'), gif];
  const results = await startIngest(core.vault(), core.decoder(), c.id, paths, () => {}).finished;
  const ids = results.map((r) => r.item?.id ?? '');
  photo = ids[0] ?? '';
  second = ids[1] ?? '';
  animated = ids[2] ?? '';
}, 120_000);
afterAll(() => cleanup());

const get = (path: string) => createPreviewHandler(core)(new Request(`custody://preview/${path}`));

function rows(itemId: string, table = 'previews'): { variant: string; blobId: string }[] {
  return core
    .vault()
    .db.prepare(
      `SELECT variant, blob_id AS blobId FROM ${table} WHERE item_id = ? AND size = 'screen' ORDER BY variant`,
    )
    .all(itemId) as { variant: string; blobId: string }[];
}

async function grey(bytes: ArrayBuffer) {
  const image = sharp(Buffer.from(bytes));
  expect((await image.metadata()).channels).toBe(1);
  return image.raw().toBuffer({ resolveWithObject: true });
}

describe('derived screen previews', () => {
  it('stores only the veil and the colour picture at screen size at ingest', () => {
    expect(rows(photo).map((r) => r.variant)).toEqual(['plain', 'veiled']);
  });

  it('makes nothing for a request the reveal refuses', async () => {
    core.reveal.veilAll();
    expect((await get(`${photo}/screen/outline`)).status).toBe(403);
    expect(rows(photo).map((r) => r.variant)).toEqual(['plain', 'veiled']);
  });

  it('makes the outline and grey on first reveal, once for racing requests, stored sealed', async () => {
    unveilTo(core, photo, 'outline');
    const answers = await Promise.all([1, 2, 3].map(() => get(`${photo}/screen/outline`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const drawings = await Promise.all(
      answers.map(async (a) => Buffer.from(await a.arrayBuffer())),
    );
    expect(new Set(drawings.map((d) => d.toString('base64'))).size).toBe(1);
    // Served as soon as made; sealed and stored just after.
    await core.previews.settled();
    const stored = rows(photo);
    expect(stored.map((r) => r.variant)).toEqual(['grey', 'outline', 'plain', 'veiled']);
    const outlineBlob = stored.find((r) => r.variant === 'outline')?.blobId ?? '';
    const onDisk = await readFile(blobFilePath(join(dir, 'blobs'), outlineBlob));
    expect(onDisk.includes(drawings[0]!.subarray(0, 64))).toBe(false);
    // Served from the store from now on: the same bytes.
    const again = Buffer.from(await (await get(`${photo}/screen/outline`)).arrayBuffer());
    expect(again.equals(drawings[0]!)).toBe(true);
    core.reveal.veilAll();
  });

  it('keeps every blob file and blob row in step after deriving', async () => {
    const vault = core.vault();
    const listed = new Set(vault.db.prepare('SELECT id FROM blobs').pluck().all() as string[]);
    const files: string[] = [];
    for await (const id of vault.blobs.ids()) files.push(id);
    expect(files.filter((id) => !listed.has(id))).toEqual([]);
    expect([...listed].filter((id) => !files.includes(id))).toEqual([]);
  });

  it('draws the outline a photo decoded at ingest would have had', async () => {
    unveilTo(core, photo, 'outline');
    const served = await grey(await (await get(`${photo}/screen/outline`)).arrayBuffer());
    core.reveal.veilAll();
    // The same pixels, drawn straight from the full decode as ingest did before.
    const upright = await sharp(await readFile(PHOTO))
      .rotate()
      .resize(1600, 1600, { fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const direct = await makeDerivedVariants(
      { data: upright.data, width: upright.info.width, height: upright.info.height, channels: 3 },
      82,
    );
    const reference = await grey(new Uint8Array(direct.outline.bytes).buffer);
    expect([served.info.width, served.info.height]).toEqual([
      reference.info.width,
      reference.info.height,
    ]);
    let differing = 0;
    for (let i = 0; i < served.data.length; i++)
      if (Math.abs(served.data[i]! - reference.data[i]!) > 48) differing++;
    expect(differing / served.data.length).toBeLessThan(0.02);
  });

  it('makes the grey ahead of the reveal when the picture is opened', async () => {
    expect(rows(second).map((r) => r.variant)).toEqual(['plain', 'veiled']);
    expect((await get(`${second}/screen/veiled`)).status).toBe(200);
    await expect.poll(() => rows(second).map((r) => r.variant)).toContain('grey');
    unveilTo(core, second, 'grey');
    const served = await grey(await (await get(`${second}/screen/grey`)).arrayBuffer());
    const colour = await renderImage(
      await readFile(fixture('pdq', 'data', 'bridge-mods', 'aaa-orig.jpg')),
    );
    expect(served.info.width).toBe(colour.previews.screen.plain.width);
    core.reveal.veilAll();
  });

  it('makes a still’s outline behind that still’s own reveal, in the stills’ table', async () => {
    expect(rows(animated, 'frame_previews').map((r) => r.variant)).not.toContain('outline');
    expect((await get(`${animated}/frame/1/screen/outline`)).status).toBe(403);
    core.reveal.set(animated, 'outline', 'checking the frame', undefined, 1);
    expect((await get(`${animated}/frame/1/screen/outline`)).status).toBe(200);
    expect((await get(`${animated}/frame/2/screen/outline`)).status).toBe(403);
    await core.previews.settled();
    const frameRows = core
      .vault()
      .db.prepare(
        `SELECT idx, variant FROM frame_previews WHERE item_id = ? AND size = 'screen' AND variant = 'outline'`,
      )
      .all(animated);
    expect(frameRows).toEqual([{ idx: 1, variant: 'outline' }]);
    core.reveal.veilAll();
  });
});
