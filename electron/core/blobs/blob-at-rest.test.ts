// What lies on disk: no plaintext, ever; and no blob from a write that was aborted or killed.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretKey } from '../crypto/secret-key.ts';
import { inPieces, tempStore } from '../../../tests/helpers/blobs.ts';
import type { TempStore } from '../../../tests/helpers/blobs.ts';

let t: TempStore;
let caseKey: SecretKey;

beforeEach(async () => {
  t = await tempStore();
  caseKey = SecretKey.random();
});

afterEach(async () => {
  await t.dispose();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function tempFiles(): Promise<string[]> {
  return readdir(join(t.dir, '.tmp')).catch(() => []);
}

async function listedIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const id of t.store.ids()) ids.push(id);
  return ids;
}

/**
 * Whether any 64-byte window of `plaintext` occurs in `haystack`. Every such window contains a
 * whole 32-byte block at an offset that is a multiple of 32, so looking for those blocks is
 * enough (and stricter).
 */
function sharesAWindow(haystack: Buffer, plaintext: Buffer): boolean {
  const blocks = new Map<bigint, Buffer[]>();
  for (let at = 0; at + 32 <= plaintext.length; at += 32) {
    const block = plaintext.subarray(at, at + 32);
    const prefix = block.readBigUInt64LE(0);
    blocks.set(prefix, [...(blocks.get(prefix) ?? []), block]);
  }
  for (let at = 0; at + 32 <= haystack.length; at += 1) {
    const candidates = blocks.get(haystack.readBigUInt64LE(at));
    if (candidates?.some((block) => haystack.subarray(at, at + 32).equals(block))) return true;
  }
  return false;
}

describe('no plaintext at rest', () => {
  it('leaves neither the marker nor any 64-byte window of the plaintext in any file', async () => {
    const marker = Buffer.from(`CUSTODY-PLAINTEXT-MARKER-${randomUUID()}`);
    const plaintext = Buffer.concat([randomBytes(300_001), marker, randomBytes(500_003), marker]);
    const unfinished = Buffer.concat([marker, randomBytes(3 * 1024 * 1024)]);

    const writer = t.store.openWriter(caseKey);
    for await (const piece of inPieces(plaintext)) await writer.write(piece);
    await writer.commit();
    // A write still in progress leaves its temp file on disk: that must hold no plaintext either.
    const pending = t.store.openWriter(caseKey);
    await pending.write(unfinished);

    const files = await filesUnder(t.dir);
    expect(files.length).toBe(2);
    let scanned = 0;
    for (const file of files) {
      const bytes = await readFile(file);
      scanned += bytes.length;
      expect(bytes.includes(marker), file).toBe(false);
      expect(sharesAWindow(bytes, plaintext), file).toBe(false);
      expect(sharesAWindow(bytes, unfinished), file).toBe(false);
    }
    expect(scanned).toBeGreaterThan(plaintext.length + 1024 * 1024);
    await pending.abort();
  });

  it('has a scan that finds a 64-byte window at any offset', async () => {
    const plaintext = randomBytes(10_000);
    const spot = join(t.dir, 'control');
    await mkdir(t.dir, { recursive: true });
    await writeFile(spot, Buffer.concat([randomBytes(777), plaintext.subarray(1001, 1065)]));
    expect(sharesAWindow(await readFile(spot), plaintext)).toBe(true);
    await writeFile(spot, randomBytes(20_000));
    expect(sharesAWindow(await readFile(spot), plaintext)).toBe(false);
  });
});

describe('aborted and crashed writes', () => {
  it('an aborted writer leaves no blob and no temp file', async () => {
    const writer = t.store.openWriter(caseKey);
    await writer.write(randomBytes(3 * 1024 * 1024));
    expect(await tempFiles()).toEqual([writer.id]);
    await writer.abort();
    await writer.abort();
    expect(await t.store.exists(writer.id)).toBe(false);
    expect(await listedIds()).toEqual([]);
    expect(await t.store.sweepTemp()).toBe(0);
    expect(await tempFiles()).toEqual([]);
  });

  it('a source that fails mid-stream leaves no blob and no temp file', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(2 * 1024 * 1024);
      await Promise.resolve();
      throw new Error('source went away');
    }
    await expect(t.store.write(caseKey, failing())).rejects.toThrow('source went away');
    expect(await listedIds()).toEqual([]);
    expect(await tempFiles()).toEqual([]);
  });

  it('sweepTemp spares the temp file of a writer still at work', async () => {
    const writer = t.store.openWriter(caseKey);
    const plaintext = randomBytes(2 * 1024 * 1024);
    await writer.write(plaintext);
    expect(await t.store.sweepTemp()).toBe(0);
    const { id } = await writer.commit();
    expect((await t.store.read(caseKey, id)).equals(plaintext)).toBe(true);
  });

  it('a writer killed mid-write leaves a temp file that is never a blob and is swept', async () => {
    const survivor = await t.store.write(caseKey, randomBytes(1000));
    const id = await killWriterMidway(t.dir);

    expect(await tempFiles()).toEqual([id]);
    expect(await t.store.exists(id)).toBe(false);
    expect(await listedIds()).toEqual([survivor.id]);
    await expect(t.store.read(caseKey, id)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });

    expect(await t.store.sweepTemp()).toBe(1);
    expect(await tempFiles()).toEqual([]);
    expect(await t.store.read(caseKey, survivor.id)).toHaveLength(1000);
  });
});

/** Runs a writer in a child process, SIGKILLs it once its temp file holds data; returns its id. */
async function killWriterMidway(dir: string): Promise<string> {
  const storeUrl = pathToFileURL(join(import.meta.dirname, 'blob-store.ts')).href;
  const keyUrl = pathToFileURL(join(import.meta.dirname, '..', 'crypto', 'secret-key.ts')).href;
  const script = `
    import { BlobStore } from ${JSON.stringify(storeUrl)};
    import { SecretKey } from ${JSON.stringify(keyUrl)};
    const writer = new BlobStore(process.env.BLOB_DIR).openWriter(SecretKey.random());
    await writer.write(Buffer.alloc(4 * 1024 * 1024, 1));
    process.stdout.write(writer.id + '\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, BLOB_DIR: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => {
    child.on('exit', (_code, signal) => resolve(signal));
  });
  const id = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (data: Buffer) => {
      out += data.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`writer exited early with ${String(code)}`)));
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return id;
}
