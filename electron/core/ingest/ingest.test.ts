// Ingest against hostile and awkward input: every bad file fails alone, with a reason naming it.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { readdir, readFile, writeFile, mkdir, symlink, copyFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startIngest } from './ingest.service.ts';
import { walkEvidence } from './walk.ts';
import { ingestFile } from './ingest-file.ts';
import { createCase } from '../cases/case.service.ts';
import { getItem, listItems } from '../items/item.service.ts';
import { acquisitionSourceBytes } from '../items/item.queries.ts';
import { hammingDistance, PDQ_MATCH_THRESHOLD } from '../media/pdq/index.ts';
import type { CustodyCore } from '../core.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import { freshCore } from '../../../tests/helpers/vault.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { bigEndianTiff, pngClaiming } from '../../../tests/helpers/images.ts';
import { FIXTURES } from '../../../tests/helpers/fixtures.ts';
import { STORED_PREVIEWS } from '../../../tests/helpers/media.ts';
import { bytesHashedOffThread } from '../crypto/hash-thread.ts';

let core: CustodyCore;
let cleanup: () => Promise<void>;
let work: { path: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  ({ core, cleanup } = await freshCore());
  work = await tempDir('custody-ingest-');
});
afterAll(async () => {
  await cleanup();
  await work.cleanup();
});

async function ingest(
  paths: string[],
  title = 'Ingest test',
): Promise<{ caseId: string; results: IngestFileResult[] }> {
  const vault = core.vault();
  const c = createCase(vault, { title, kind: 'other' });
  const run = startIngest(vault, core.decoder(), c.id, paths, () => {});
  return { caseId: c.id, results: await run.finished };
}

const byName = (results: IngestFileResult[]) =>
  new Map(results.map((r) => [r.path.split('/').pop() ?? r.path, r]));

describe('ingest of hostile and awkward files', () => {
  it('PngSuite: valid edge cases ingest, each corrupt x*.png is kept as damaged evidence with a reason', async () => {
    const dir = join(FIXTURES, 'pngsuite');
    const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    const { results } = await ingest(pngs.map((f) => join(dir, f)));
    expect(results).toHaveLength(pngs.length);
    const map = byName(results);
    for (const f of pngs) {
      const r = map.get(f);
      expect(r?.status, `${f}: ${r?.reason ?? ''}`).toMatch(/ingested|duplicate/);
      if (f.startsWith('x')) {
        expect(r?.item?.damaged, f).toMatch(/\S/);
        expect(r?.item?.flags, f).toContain('damaged');
        expect(r?.item?.sha256, f).toMatch(/^[0-9a-f]{64}$/);
      } else {
        expect(r?.item?.damaged, f).toBeNull();
      }
    }
    const damaged = results.filter((r) => r.item?.damaged);
    console.log(`PngSuite: ${results.length} kept, ${damaged.length} of them damaged`);
  });

  it('badjpeg: none crashes the batch; each undecodable JPEG is kept as damaged with a reason', async () => {
    const dir = join(FIXTURES, 'badjpeg');
    const jpgs = (await readdir(dir)).filter((f) => f.endsWith('.jpg'));
    const { caseId, results } = await ingest(jpgs.map((f) => join(dir, f)));
    expect(results).toHaveLength(jpgs.length);
    // An empty file holds no evidence: it alone is refused.
    expect(byName(results).get('empty.jpg')).toMatchObject({ status: 'failed' });
    expect(byName(results).get('empty.jpg')?.reason).toMatch(/empty/);
    const kept = results.filter((r) => r.path !== 'empty.jpg');
    for (const r of kept) expect(r.status, r.path).toMatch(/ingested|duplicate/);
    const damaged = kept.filter((r) => r.item?.damaged);
    expect(damaged.length).toBeGreaterThan(5);
    for (const r of damaged) expect(r.item?.damaged).toMatch(/\S/);
    const listed = listItems(core.vault(), caseId, 0, 100, { flag: 'damaged' });
    expect(listed.items.map((i) => i.id).sort()).toEqual(
      [...new Set(damaged.map((r) => r.item?.id ?? ''))].sort(),
    );
  });

  it('never decodes a 50,000 × 50,000 PNG bomb: kept as damaged from its header, keeps going', async () => {
    const bomb = join(work.path, 'bomb.png');
    await writeFile(bomb, pngClaiming(50_000, 50_000));
    const ok = join(FIXTURES, 'pngsuite', 'basn2c08.png');
    const { results } = await ingest([bomb, ok]);
    expect(results[0]).toMatchObject({ status: 'ingested' });
    expect(results[0]?.item?.damaged).toMatch(/pixel limit|too large|exceeds/i);
    expect(results[1]).toMatchObject({ status: 'ingested' });
  });

  it('a file that vanishes before it is read fails with that reason', async () => {
    const vault = core.vault();
    const c = createCase(vault, { title: 'Vanish', kind: 'other' });
    const r = await ingestFile(
      {
        vault,
        caseId: c.id,
        caseKey: vault.caseKey(c.id),
        decoder: core.decoder(),
        signal: new AbortController().signal,
      },
      { path: join(work.path, 'gone.jpg'), displayPath: 'gone.jpg' },
    );
    expect(r).toMatchObject({
      status: 'failed',
      reason: 'the file vanished before it could be read',
    });
  });

  it('a FIFO swapped in for a file after the walk fails alone, without blocking the batch', async () => {
    const dir = join(work.path, 'fifo');
    await mkdir(dir);
    await copyFile(join(FIXTURES, 'pngsuite', 'basn0g08.png'), join(dir, 'a-swapped.png'));
    await copyFile(join(FIXTURES, 'pngsuite', 'basn2c08.png'), join(dir, 'b-kept.png'));
    const { files } = await walkEvidence([dir]);
    expect(files.map((f) => f.displayPath)).toEqual(['fifo/a-swapped.png', 'fifo/b-kept.png']);
    // Between walk and open, the file becomes a named pipe nobody writes to: a blocking open
    // would wait for a writer forever.
    await rm(join(dir, 'a-swapped.png'));
    execFileSync('mkfifo', [join(dir, 'a-swapped.png')]);
    const vault = core.vault();
    const c = createCase(vault, { title: 'FIFO', kind: 'other' });
    const ctx = {
      vault,
      caseId: c.id,
      caseKey: vault.caseKey(c.id),
      decoder: core.decoder(),
      signal: new AbortController().signal,
    };
    const results = [];
    for (const file of files) results.push(await ingestFile(ctx, file));
    expect(results.map((r) => [r.path, r.status, r.reason])).toEqual([
      ['fifo/a-swapped.png', 'failed', 'not a regular file (device, pipe or socket)'],
      ['fifo/b-kept.png', 'ingested', null],
    ]);
  });

  it('walks a folder with a link loop and a link outside, following neither', async () => {
    const root = join(work.path, 'loop');
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    await copyFile(join(FIXTURES, 'pngsuite', 'basn0g08.png'), join(root, 'a', 'b', 'one.png'));
    await symlink('..', join(root, 'a', 'b', 'up'));
    await writeFile(join(work.path, 'outside.txt'), 'outside the chosen folder');
    await symlink(join(work.path, 'outside.txt'), join(root, 'a', 'escape.txt'));
    const { results } = await ingest([root]);
    expect(results.map((r) => [r.path, r.status])).toEqual([
      ['loop/a/escape.txt', 'failed'],
      ['loop/a/b/one.png', 'ingested'],
    ]);
    expect(results[0]?.reason).toMatch(/outside the chosen folder/);
  });

  it('keeps Arabic, Farsi and Russian file names, and recognises duplicates by content', async () => {
    const dir = join(work.path, 'names');
    await mkdir(dir);
    const names = ['صورة-الدليل.png', 'تصویر-مدرک.png', 'улика.png'];
    for (const n of names) await copyFile(join(FIXTURES, 'pngsuite', 'basn2c08.png'), join(dir, n));
    await copyFile(join(FIXTURES, 'pngsuite', 'basn0g08.png'), join(dir, 'другой.png'));
    const { results } = await ingest([dir]);
    const statuses = results.map((r) => [r.path, r.status]);
    expect(statuses).toContainEqual(['names/другой.png', 'ingested']);
    const same = results.filter((r) => names.some((n) => r.path.endsWith(n)));
    expect(same.filter((r) => r.status === 'ingested')).toHaveLength(1);
    expect(same.filter((r) => r.status === 'duplicate')).toHaveLength(2);
    // Read the item afresh: each result is a snapshot from when that file finished.
    const item = getItem(core.vault(), same.find((r) => r.status === 'duplicate')?.item?.id ?? '');
    expect(item.acquisitions.map((a) => a.sourcePath).sort()).toEqual(
      names.map((n) => `names/${n}`).sort(),
    );
    expect(item.flags).toContain('duplicate-acquired');
    const caseId = item.caseId;
    expect(
      listItems(core.vault(), caseId, 0, 10, { flag: 'duplicate-acquired' }).items.map((i) => i.id),
    ).toEqual([item.id]);
    expect(names.map((n) => `names/${n}`)).toContain(item.originalName);
  });

  it('ingests Latin-1 and Shift-JIS file names, shows them escaped, keeps their raw bytes', async () => {
    const dir = join(work.path, 'seized');
    await mkdir(dir);
    const latin1 = Buffer.from('caf\xe9.png', 'latin1'); // "café" as Latin-1
    const shiftJis = Buffer.from([0x8e, 0xca, 0x90, 0x5e, 0x2e, 0x70, 0x6e, 0x67]); // 写真.png
    const folder = Buffer.from('dossier-\xe9t\xe9', 'latin1');
    const png = await readFile(join(FIXTURES, 'pngsuite', 'basn0g08.png'));
    const other = await readFile(join(FIXTURES, 'pngsuite', 'basn2c08.png'));
    const third = await readFile(join(FIXTURES, 'pngsuite', 'basn6a08.png'));
    const bytePath = (...parts: Buffer[]) =>
      Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from('/'), p] : [p])));
    await writeFile(bytePath(Buffer.from(dir), latin1), png);
    await writeFile(bytePath(Buffer.from(dir), shiftJis), other);
    await mkdir(bytePath(Buffer.from(dir), folder));
    await writeFile(bytePath(Buffer.from(dir), folder, Buffer.from('back\\slash.png')), third);
    const { results } = await ingest([dir]);
    expect(results.map((r) => [r.path, r.status])).toEqual([
      ['seized/caf\\xE9.png', 'ingested'],
      ['seized/\\x8E\\xCA\\x90^.png', 'ingested'],
      ['seized/dossier-\\xE9t\\xE9/back\\slash.png', 'ingested'],
    ]);
    const [cafe, photo, nested] = results.map((r) => getItem(core.vault(), r.item?.id ?? ''));
    expect(cafe?.originalName).toBe('seized/caf\\xE9.png');
    expect(cafe?.acquisitions.map((a) => a.sourcePath)).toEqual(['seized/caf\\xE9.png']);
    // The bytes on disk, and the name as the file system holds it, both kept.
    expect(cafe?.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    const raw = (id: string) => acquisitionSourceBytes(core.vault().db, id);
    expect(raw(cafe!.id)).toEqual([Buffer.concat([Buffer.from('seized/'), latin1])]);
    expect(raw(photo!.id)).toEqual([Buffer.concat([Buffer.from('seized/'), shiftJis])]);
    expect(raw(nested!.id)).toEqual([
      Buffer.concat([Buffer.from('seized/'), folder, Buffer.from('/back\\slash.png')]),
    ]);
  });

  it('keeps non-images as opaque evidence, sniffed by content not name', async () => {
    const dir = join(work.path, 'opaque');
    await mkdir(dir);
    await writeFile(join(dir, 'chat-export.jpg'), Buffer.from([0, 1, 2, 3, 0, 0xfe, 0x42, 0]));
    await copyFile(join(FIXTURES, 'pngsuite', 'basn0g08.png'), join(dir, 'photo.txt'));
    const { results } = await ingest([dir]);
    const m = byName(results);
    expect(m.get('chat-export.jpg')?.item).toMatchObject({ kind: 'opaque', flags: ['opaque'] });
    expect(m.get('photo.txt')?.item).toMatchObject({ kind: 'image', mime: 'image/png' });
    const opaque = m.get('chat-export.jpg')?.item;
    const filtered = listItems(core.vault(), opaque?.caseId ?? '', 0, 10, { flag: 'opaque' });
    expect(filtered.items.map((i) => i.id)).toEqual([opaque?.id]);
  });

  it('stores the gps flag from the file itself: set with a position, unset without', async () => {
    const { results } = await ingest([
      join(FIXTURES, 'exif', 'HTC_Desire.jpg'),
      join(FIXTURES, 'exif', 'Canon_EOS_D60.jpg'),
    ]);
    const [withGps, without] = results.map((r) => getItem(core.vault(), r.item?.id ?? ''));
    expect(withGps?.flags).toContain('gps');
    expect(withGps?.metadata?.gps?.latitude).toBeCloseTo(45.5006666666667, 6);
    expect(without?.flags).not.toContain('gps');
    expect(without?.metadata?.gps).toBeNull();
    const gpsOnly = listItems(core.vault(), withGps?.caseId ?? '', 0, 10, { flag: 'gps' });
    expect(gpsOnly.items.map((i) => i.id)).toEqual([withGps?.id]);
  });

  it('stores SHA-256, SHA-1 and MD5 that match the published test vectors', async () => {
    const dir = join(work.path, 'vectors');
    await mkdir(dir);
    // FIPS 180-2 (SHA-1, SHA-256) and RFC 1321 (MD5): "abc", and one million "a".
    await writeFile(join(dir, 'abc.bin'), 'abc');
    await writeFile(join(dir, 'million-a.bin'), 'a'.repeat(1_000_000));
    const { results } = await ingest([join(dir, 'abc.bin'), join(dir, 'million-a.bin')]);
    const [abc, million] = results.map((r) => getItem(core.vault(), r.item?.id ?? ''));
    expect(abc).toMatchObject({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      md5: '900150983cd24fb0d6963f7d28e17f72',
    });
    expect(million).toMatchObject({
      sha256: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
      sha1: '34aa973cd4c4daa4f61eeb2bdbad27316534016f',
      md5: '7707d6ae4e027c70eea2a935c2296f21',
    });
  });

  it('hashes every byte of a file, image or stream, on the hashing thread rather than this one', async () => {
    const dir = join(work.path, 'off-thread');
    await mkdir(dir);
    const photo = await readFile(join(FIXTURES, 'exif', 'Canon_EOS_D60.jpg'));
    await writeFile(join(dir, 'photo.jpg'), photo);
    const opaque = randomBytes(3 * 1024 * 1024 + 17);
    await writeFile(join(dir, 'blob.bin'), opaque);
    const before = bytesHashedOffThread();
    const { results } = await ingest([join(dir, 'blob.bin'), join(dir, 'photo.jpg')]);
    expect(results.map((r) => r.status)).toEqual(['ingested', 'ingested']);
    expect(bytesHashedOffThread() - before).toBe(photo.length + opaque.length);
    expect(results[0]?.item?.md5).toBe(createHash('md5').update(opaque).digest('hex'));
    expect(results[1]?.item?.sha1).toBe(createHash('sha1').update(photo).digest('hex'));
  });

  it('types text evidence by content: .txt, .json and .html are not application/octet-stream', async () => {
    const dir = join(work.path, 'text');
    await mkdir(dir);
    await writeFile(join(dir, 'chat.txt'), 'Привет!\nThis is a chat export.\n');
    await writeFile(join(dir, 'export.json'), JSON.stringify({ messages: [{ text: 'hi' }] }));
    await writeFile(join(dir, 'page.html'), '<!doctype html><html><body>saved</body></html>');
    const { results } = await ingest([dir]);
    expect(results.map((r) => [r.path, r.status, r.item?.kind, r.item?.mime])).toEqual([
      ['text/chat.txt', 'ingested', 'text', 'text/plain'],
      ['text/export.json', 'ingested', 'text', 'application/json'],
      ['text/page.html', 'ingested', 'web', 'text/html'],
    ]);
  });

  it('ingests a big-endian TIFF whose directories lie past the sniffed head as an image, with its time', async () => {
    const path = join(work.path, 'scan.tif');
    const tiff = {
      width: 64,
      height: 64,
      ifdOffset: 100_000,
      dateTimeOriginal: '2023:07:01 08:09:10',
    };
    await writeFile(path, bigEndianTiff(tiff));
    const { results } = await ingest([path]);
    expect(results[0]?.item).toMatchObject({ kind: 'image', mime: 'image/tiff', width: 64 });
    const item = getItem(core.vault(), results[0]?.item?.id ?? '');
    expect(item.metadata?.capturedAt).toBe('2023-07-01T08:09:10');
  });

  it('stores PDQ with its eight dihedral variants, so a rotated copy matches', async () => {
    const dih = join(FIXTURES, 'pdq', 'data', 'reg-test-input', 'dih');
    const { results } = await ingest([
      join(dih, 'bridge-1-original.jpg'),
      join(dih, 'bridge-2-rotate-90.jpg'),
    ]);
    const [orig, rotated] = results.map((r) => getItem(core.vault(), r.item?.id ?? ''));
    expect(orig?.pdqDihedral).toHaveLength(8);
    expect(orig?.pdqDihedral?.[0]).toBe(orig?.pdq);
    const direct = hammingDistance(orig?.pdq ?? '', rotated?.pdq ?? '');
    const best = Math.min(
      ...(orig?.pdqDihedral ?? []).map((h) => hammingDistance(h, rotated?.pdq ?? '')),
    );
    console.log(`rotated copy: ${direct} bits directly, ${best} bits through the dihedral set`);
    expect(direct).toBeGreaterThan(PDQ_MATCH_THRESHOLD);
    expect(best).toBeLessThanOrEqual(PDQ_MATCH_THRESHOLD);
  });

  it('cancel mid-batch keeps whole items only, no orphan blobs', async () => {
    const dir = join(FIXTURES, 'pngsuite');
    const pngs = (await readdir(dir)).filter((f) => f.startsWith('b') && f.endsWith('.png'));
    const vault = core.vault();
    const c = createCase(vault, { title: 'Cancel', kind: 'other' });
    const run = startIngest(
      vault,
      core.decoder(),
      c.id,
      pngs.map((f) => join(dir, f)),
      (p) => {
        if (p.done === 5) run.cancel();
      },
    );
    const results = await run.finished;
    const ingested = results.filter((r) => r.status === 'ingested' || r.status === 'duplicate');
    const cancelled = results.filter((r) => r.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(ingested.length).toBeGreaterThanOrEqual(5);
    const itemCount = vault.db
      .prepare('SELECT count(*) FROM items WHERE case_id = ?')
      .pluck()
      .get(c.id);
    expect(itemCount).toBe(results.filter((r) => r.status === 'ingested').length);
    const previews = vault.db
      .prepare(
        'SELECT count(*) FROM previews p JOIN items i ON i.id = p.item_id WHERE i.case_id = ?',
      )
      .pluck()
      .get(c.id);
    expect(previews).toBe(STORED_PREVIEWS * (itemCount as number));
    const rows = new Set(vault.db.prepare('SELECT id FROM blobs').pluck().all() as string[]);
    for await (const id of vault.blobs.ids()) expect(rows.has(id), `orphan blob ${id}`).toBe(true);
  });
});
