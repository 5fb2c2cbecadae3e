// After a real ingest, nothing of the evidence is readable on disk; a huge file streams through.
import { describe, it, expect, afterEach } from 'vitest';
import { copyFile, mkdir, open, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { listFiles, tempDir } from '../helpers/temp.ts';
import { scanForPlaintext } from '../helpers/plaintext-scan.ts';
import { freshCore } from '../helpers/vault.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('ingest at rest', () => {
  it('leaves no original, preview or file name readable in the vault or the OS temp folder', async () => {
    const tmpBefore = new Set(await readdir(tmpdir()));
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const src = await tempDir('custody-src-');
    cleanups.push(src.cleanup);
    const names = ['MARKERNAME-bridge.jpg', 'MARKERNAME-دليل.png', 'MARKERNAME-улика.png'];
    const from = [
      join(FIXTURES, 'pdq', 'data', 'bridge-mods', 'aaa-orig.jpg'),
      join(FIXTURES, 'pngsuite', 'basn2c16.png'),
      join(FIXTURES, 'pngsuite', 'basn6a08.png'),
    ];
    await mkdir(join(src.path, 'case-folder-MARKERDIR'));
    const paths = names.map((n) => join(src.path, 'case-folder-MARKERDIR', n));
    for (let i = 0; i < names.length; i++) await copyFile(from[i] as string, paths[i] as string);

    const vault = core.vault();
    const c = createCase(vault, { title: 'At rest', kind: 'child-safety' });
    const results = await startIngest(
      vault,
      core.decoder(),
      c.id,
      [join(src.path, 'case-folder-MARKERDIR')],
      () => {},
    ).finished;
    expect(results.map((r) => r.status)).toEqual(['ingested', 'ingested', 'ingested']);

    const originals = await Promise.all(paths.map((p) => readFile(p)));
    // The outline and grey made on first reveal are sealed like those made at ingest.
    for (const r of results) await core.previews.make(r.item?.id ?? '', null, 'outline');
    await core.previews.settled();
    const previewBlobs = vault.db
      .prepare(
        `SELECT p.blob_id FROM previews p JOIN items i ON i.id = p.item_id WHERE i.case_id = ?`,
      )
      .pluck()
      .all(c.id) as string[];
    expect(previewBlobs).toHaveLength(24);
    const previews = await Promise.all(
      previewBlobs.map((id) => vault.blobs.read(vault.caseKey(c.id), id)),
    );
    const markers = ['MARKERNAME', 'MARKERDIR', 'دليل', 'улика'];
    const payloads = [...originals, ...previews];

    expect(await scanForPlaintext(await listFiles(dir), markers, payloads)).toEqual([]);
    await core.close();
    expect(await scanForPlaintext(await listFiles(dir), markers, payloads)).toEqual([]);

    const newTmp = (await readdir(tmpdir())).filter(
      (n) => !tmpBefore.has(n) && !dir.endsWith(n) && !src.path.endsWith(n),
    );
    const tmpFiles = (
      await Promise.all(
        newTmp.map((n) => listFiles(join(tmpdir(), n)).catch(() => [join(tmpdir(), n)])),
      )
    ).flat();
    expect(await scanForPlaintext(tmpFiles, markers, payloads)).toEqual([]);
  });

  it('streams a 1 GB non-image through hashing and encryption with flat memory', async () => {
    const { core, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const src = await tempDir('custody-big-');
    cleanups.push(src.cleanup);
    const big = join(src.path, 'capture.warc');
    const fh = await open(big, 'w');
    const block = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
    for (let i = 0; i < 128; i++) {
      block.writeUInt32LE(i, 0);
      await fh.write(block);
    }
    await fh.close();

    const vault = core.vault();
    const c = createCase(vault, { title: 'Big', kind: 'disinformation' });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const [r] = await startIngest(vault, core.decoder(), c.id, [big], () => {}).finished;
    clearInterval(timer);
    expect(r).toMatchObject({
      status: 'ingested',
      item: { kind: 'opaque', size: 1024 * 1024 * 1024 },
    });
    const growthMiB = (peak - baseline) / 2 ** 20;
    console.log(`1 GiB opaque ingest: RSS grew ${growthMiB.toFixed(0)} MiB`);
    expect(growthMiB).toBeLessThan(128);
  });
});
