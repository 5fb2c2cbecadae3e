import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretKey } from '../crypto/secret-key.ts';
import { CustodyError, InvalidInputError, VaultLockedError } from '../errors.ts';
import { CHUNK_BYTES } from './blob-format.ts';
import { blobFilePath } from './blob-store.ts';
import { drain, inPieces, tempStore } from '../../../tests/helpers/blobs.ts';
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

describe('round trip', () => {
  it('streams a 50 MB blob in and out byte for byte', async () => {
    const plaintext = randomBytes(50 * 1024 * 1024 + 12_345);
    const writer = t.store.openWriter(caseKey);
    for await (const piece of inPieces(plaintext)) await writer.write(piece);
    const info = await writer.commit();
    expect(info).toEqual({ id: writer.id, size: plaintext.length });

    const { data, error } = await drain(t.store.createReadStream(caseKey, info.id));
    expect(error).toBeUndefined();
    expect(data.length).toBe(plaintext.length);
    expect(data.equals(plaintext)).toBe(true);
    expect(await t.store.plaintextSize(info.id)).toBe(plaintext.length);
  });

  it('streams a blob far larger than the memory it uses, both ways', async () => {
    const pieceBytes = 1024 * 1024;
    const pieces = 640;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const written = createHash('sha256');
    const writer = t.store.openWriter(caseKey);
    const piece = Buffer.alloc(pieceBytes);
    for (let i = 0; i < pieces; i += 1) {
      randomFillSync(piece);
      written.update(piece);
      await writer.write(piece);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const { id } = await writer.commit();
    const read = createHash('sha256');
    let size = 0;
    for await (const part of t.store.createReadStream(caseKey, id)) {
      read.update(part as Buffer);
      size += (part as Buffer).length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(size).toBe(pieces * pieceBytes);
    expect(read.digest('hex')).toBe(written.digest('hex'));
    // Holding the blob in memory would add 640 MB; streaming stays within a few batches.
    expect(peak - baseline).toBeLessThan(200 * 1024 * 1024);
  });

  it.each([
    ['empty', 0],
    ['one byte', 1],
    ['one chunk less a byte', CHUNK_BYTES - 1],
    ['exactly one chunk', CHUNK_BYTES],
    ['one chunk and a byte', CHUNK_BYTES + 1],
    ['exactly three chunks', 3 * CHUNK_BYTES],
  ])('keeps a blob of %s (%i bytes) intact', async (_name, size) => {
    const plaintext = randomBytes(size);
    const { id } = await t.store.write(caseKey, plaintext);
    expect((await t.store.read(caseKey, id)).equals(plaintext)).toBe(true);
    expect(await t.store.plaintextSize(id)).toBe(size);
    const streamed = await drain(t.store.createReadStream(caseKey, id));
    expect(streamed.error).toBeUndefined();
    expect(streamed.data.equals(plaintext)).toBe(true);
  });

  it('accepts a Node stream as the source', async () => {
    const plaintext = randomBytes(3 * CHUNK_BYTES + 77);
    const { id, size } = await t.store.write(
      caseKey,
      Readable.from([plaintext.subarray(0, 5), plaintext.subarray(5)]),
    );
    expect(size).toBe(plaintext.length);
    expect((await t.store.read(caseKey, id)).equals(plaintext)).toBe(true);
  });
});

describe('readRange', () => {
  const size = 5 * CHUNK_BYTES + 4321;
  let plaintext: Buffer;
  let id: string;

  beforeEach(async () => {
    plaintext = randomBytes(size);
    ({ id } = await t.store.write(caseKey, plaintext));
  });

  it.each([
    ['inside one chunk', 100, 1000],
    ['across one boundary', CHUNK_BYTES - 10, 20],
    ['across several boundaries', CHUNK_BYTES - 1, 3 * CHUNK_BYTES + 2],
    ['exactly one whole chunk', 2 * CHUNK_BYTES, CHUNK_BYTES],
    ['into the last chunk', 4 * CHUNK_BYTES + 5, CHUNK_BYTES + 100],
    ['the last byte', size - 1, 1],
    ['the whole blob', 0, size],
    ['nothing', 1234, 0],
  ])('matches the plaintext %s', async (_name, offset, length) => {
    const got = await t.store.readRange(caseKey, id, offset, length);
    expect(got.equals(plaintext.subarray(offset, offset + length))).toBe(true);
  });

  it('refuses a range that runs past the end', async () => {
    await expect(t.store.readRange(caseKey, id, size - 10, 11)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(t.store.readRange(caseKey, id, -1, 5)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('ids and files', () => {
  it('names each blob by a fresh random id, never by its content', async () => {
    const plaintext = randomBytes(1000);
    const a = await t.store.write(caseKey, plaintext);
    const b = await t.store.write(caseKey, plaintext);
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    expect(b.id).not.toBe(a.id);
    const sha256 = createHash('sha256').update(plaintext).digest('hex');
    expect(sha256.startsWith(a.id)).toBe(false);
    expect((await stat(blobFilePath(t.dir, a.id))).isFile()).toBe(true);
    const ids: string[] = [];
    for await (const listed of t.store.ids()) ids.push(listed);
    expect(ids.sort()).toEqual([a.id, b.id].sort());
  });

  it('reports a missing blob by its id, and removal is idempotent', async () => {
    const { id } = await t.store.write(caseKey, randomBytes(10));
    await t.store.remove(id);
    await t.store.remove(id);
    expect(await t.store.exists(id)).toBe(false);
    const missing = { code: 'BLOB_NOT_FOUND', message: expect.stringContaining(id) as string };
    await expect(t.store.read(caseKey, id)).rejects.toMatchObject(missing);
    await expect(t.store.plaintextSize(id)).rejects.toMatchObject(missing);
    const { error } = await drain(t.store.createReadStream(caseKey, id));
    expect(error).toBeInstanceOf(CustodyError);
    expect(error).toMatchObject(missing);
  });

  it('writes on after its folders were removed behind its back (it remembers folders it made)', async () => {
    // Enough blobs that nearly every shard folder is one the store has made and remembers.
    const before = await Promise.all(
      Array.from({ length: 400 }, () => t.store.write(caseKey, randomBytes(10))),
    );
    await rm(t.dir, { recursive: true, force: true });
    const plaintexts = Array.from({ length: 20 }, () => randomBytes(100));
    const after = await Promise.all(plaintexts.map((p) => t.store.write(caseKey, p)));
    for (const [i, { id }] of after.entries())
      expect((await t.store.read(caseKey, id)).equals(plaintexts[i]!)).toBe(true);
    expect(await t.store.exists(before[0]!.id)).toBe(false);
  });

  it('refuses ids that are not blob ids, so no path outside the store is touched', async () => {
    expect(await t.store.exists('../vault.json')).toBe(false);
    await expect(t.store.read(caseKey, '../../etc/passwd')).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(t.store.remove('..')).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('writer lifecycle', () => {
  it('cannot be written after commit, and a late abort keeps the committed blob', async () => {
    const writer = t.store.openWriter(caseKey);
    await writer.write(Buffer.from('evidence'));
    const { id } = await writer.commit();
    await expect(writer.write(Buffer.from('more'))).rejects.toBeInstanceOf(CustodyError);
    await writer.abort();
    expect((await t.store.read(caseKey, id)).toString()).toBe('evidence');
  });

  it('stops reading and writing once the case key is wiped by a lock', async () => {
    const { id } = await t.store.write(caseKey, randomBytes(100));
    const writer = t.store.openWriter(caseKey);
    await writer.write(randomBytes(3 * 1024 * 1024));
    expect(await readdir(join(t.dir, '.tmp'))).toEqual([writer.id]);
    caseKey.wipe();
    await expect(writer.write(Buffer.from('x'))).rejects.toBeInstanceOf(VaultLockedError);
    expect(await readdir(join(t.dir, '.tmp'))).toEqual([]);
    expect(await t.store.exists(writer.id)).toBe(false);
    await expect(t.store.read(caseKey, id)).rejects.toBeInstanceOf(VaultLockedError);
    expect(() => t.store.openWriter(caseKey)).toThrow(VaultLockedError);
  });
});
