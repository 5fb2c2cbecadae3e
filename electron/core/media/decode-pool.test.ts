import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_ENV } from './decode-protocol.ts';
import { NodeDecodePool } from './decode-pool.ts';
import {
  DECODE_PHOTO as PHOTO,
  decodeFailure as failure,
  expectWorkerDeathFailsOnlyItsJob,
  faultsOn,
  fixture,
  pngBombHeader,
  STORED_VARIANTS,
  withTempDir,
} from '../../../tests/helpers/media.ts';

describe('NodeDecodePool', () => {
  const pool = new NodeDecodePool({ size: 2, env: faultsOn });
  beforeAll(() => pool.start());
  afterAll(() => pool.close());

  it('decodes from a path and from bytes, with the six stored previews', async () => {
    const [fromPath, fromBytes] = await Promise.all([
      pool.decode({ path: PHOTO }, { displayName: 'kayak.jpg' }),
      pool.decode({ bytes: await readFile(PHOTO) }, { displayName: 'kayak.jpg' }),
    ]);
    for (const result of [fromPath, fromBytes]) {
      expect(Object.keys(result.previews.thumb).sort()).toEqual(STORED_VARIANTS.thumb);
      expect(Object.keys(result.previews.screen).sort()).toEqual(STORED_VARIANTS.screen);
      expect(Buffer.isBuffer(result.previews.screen.plain.bytes)).toBe(true);
    }
    expect(fromBytes.pdq).toEqual(fromPath.pdq);
    expect(fromPath.metadata.make).toBe('Canon');
  });

  it('fails a job whose worker exits, names the file, and goes on', async () => {
    await expectWorkerDeathFailsOnlyItsJob(pool);
  });

  it('reports sharp’s reason without the file’s path', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'secret-name.jpg');
      await writeFile(file, (await readFile(PHOTO)).subarray(0, 20_000));
      const error = await failure(pool.decode({ path: file }, { displayName: 'upload 7' }));
      expect(error.code).toBe('DECODE_FAILED');
      expect(error.message).toMatch(/^Could not decode "upload 7": .+/);
      expect(error.message).not.toContain(dir);
    });
  });

  it('fails an empty file with a reason', async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, 'empty.jpg');
      await writeFile(file, '');
      const error = await failure(pool.decode({ path: file }, { displayName: 'empty.jpg' }));
      expect(error.message).toMatch(/^Could not decode "empty.jpg": .*unsupported image format/);
    });
  });

  it('refuses a 50,000 x 50,000 PNG bomb by its header', async () => {
    const error = await failure(
      pool.decode({ bytes: pngBombHeader() }, { displayName: 'bomb.png' }),
    );
    expect(error.message).toBe('Could not decode "bomb.png": Input image exceeds pixel limit');
  });

  it('decodes an iPhone HEIC in the worker process', async () => {
    const attempt = pool.decode(
      { path: fixture('exif', 'exif-at-eof.heic') },
      { displayName: 'a.heic' },
    );
    await expect(attempt).resolves.toMatchObject({ width: 3024, height: 4032 });
  });
});

describe('NodeDecodePool watchdog', () => {
  it('kills a hung worker after the timeout while other jobs go on', async () => {
    // Long enough that a real decode (full size for PDQ, then previews) finishes on a loaded machine.
    const pool = new NodeDecodePool({ size: 2, timeoutMs: 6000, env: faultsOn });
    try {
      await pool.start();
      const hung = pool.decode({ path: PHOTO }, { displayName: 'stuck.jpg', fault: 'hang' });
      const meanwhile = pool.decode({ path: PHOTO }, { displayName: 'kayak.jpg' });
      const error = await failure(hung);
      expect(error.message).toBe('Could not decode "stuck.jpg": timed out after 6s');
      await expect(meanwhile).resolves.toMatchObject({ width: 1772 });
      const after = await Promise.all([
        pool.decode({ path: PHOTO }, { displayName: 'a.jpg' }),
        pool.decode({ path: PHOTO }, { displayName: 'b.jpg' }),
      ]);
      expect(after.map((r) => r.width)).toEqual([1772, 1772]);
    } finally {
      await pool.close();
    }
  });

  it('ignores the fault hook unless the test environment enables it', async () => {
    const env = { ...process.env };
    delete env[FAULT_ENV];
    const pool = new NodeDecodePool({ size: 1, env });
    try {
      const result = await pool.decode({ path: PHOTO }, { displayName: 'a.jpg', fault: 'exit' });
      expect(result.width).toBe(1772);
    } finally {
      await pool.close();
    }
  });

  it('fails jobs, rather than waiting forever, when workers cannot start', async () => {
    await withTempDir(async (dir) => {
      const pool = new NodeDecodePool({ size: 1, workerPath: path.join(dir, 'missing-worker.ts') });
      try {
        for (const name of ['first.jpg', 'second.jpg']) {
          const error = await failure(pool.decode({ path: PHOTO }, { displayName: name }));
          expect(error.message).toBe(`Could not decode "${name}": decoder could not start`);
        }
      } finally {
        await pool.close();
      }
    });
  });

  it('cancels queued work on close', async () => {
    const pool = new NodeDecodePool({ size: 1, env: faultsOn });
    await pool.start();
    const failures = [1, 2, 3].map((n) =>
      failure(pool.decode({ path: PHOTO }, { displayName: `${n}.jpg`, fault: 'hang' })),
    );
    await pool.close();
    for (const error of await Promise.all(failures)) expect(error.code).toBe('CANCELLED');
    await expect(pool.decode({ path: PHOTO }, { displayName: 'late.jpg' })).rejects.toThrow(
      /closed/,
    );
  });
});
