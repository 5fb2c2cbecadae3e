// Altered blob files on disk: each alteration is detected, named, and harms no other blob.
import { randomBytes } from 'node:crypto';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretKey } from '../crypto/secret-key.ts';
import { BlobIntegrityError } from '../errors.ts';
import { CHUNK_BYTES, chunkOffset, HEADER_BYTES, SEALED_CHUNK_BYTES } from './blob-format.ts';
import { blobFilePath } from './blob-store.ts';
import { drain, tempStore } from '../../../tests/helpers/blobs.ts';
import type { TempStore } from '../../../tests/helpers/blobs.ts';

let t: TempStore;
let caseKey: SecretKey;
// Six chunks: five full ones and a partial last one.
const SIZE = 5 * CHUNK_BYTES + 1234;
let plaintext: Buffer;
let victim: string;
let bystander: { id: string; plaintext: Buffer };

beforeEach(async () => {
  t = await tempStore();
  caseKey = SecretKey.random();
  plaintext = randomBytes(SIZE);
  victim = (await t.store.write(caseKey, plaintext)).id;
  const other = randomBytes(2 * CHUNK_BYTES + 5);
  bystander = { id: (await t.store.write(caseKey, other)).id, plaintext: other };
});

afterEach(async () => {
  await t.dispose();
});

async function alter(id: string, change: (bytes: Buffer) => Buffer): Promise<void> {
  const path = blobFilePath(t.dir, id);
  await writeFile(path, change(await readFile(path)));
}

function flip(bytes: Buffer, at: number, mask: number): void {
  bytes.writeUInt8(bytes.readUInt8(at) ^ mask, at);
}

async function expectDetected(key = caseKey): Promise<void> {
  const named = { blobId: victim, message: expect.stringContaining(victim) as string };
  await expect(t.store.read(key, victim)).rejects.toBeInstanceOf(BlobIntegrityError);
  await expect(t.store.read(key, victim)).rejects.toMatchObject(named);
  const { error } = await drain(t.store.createReadStream(key, victim));
  expect(error).toBeInstanceOf(BlobIntegrityError);
  expect(error).toMatchObject(named);
  // The rest of the case keeps working.
  expect((await t.store.read(caseKey, bystander.id)).equals(bystander.plaintext)).toBe(true);
}

describe('a tampered blob', () => {
  it('is detected when one byte of a middle chunk is flipped', async () => {
    await alter(victim, (bytes) => {
      flip(bytes, chunkOffset(2) + 500, 0x01);
      return bytes;
    });
    await expectDetected();
  });

  it('is detected when one byte of a chunk tag is flipped', async () => {
    await alter(victim, (bytes) => {
      flip(bytes, chunkOffset(3) + SEALED_CHUNK_BYTES - 1, 0x80);
      return bytes;
    });
    await expectDetected();
  });

  it('is detected when the last chunk is cut short', async () => {
    const path = blobFilePath(t.dir, victim);
    await truncate(path, chunkOffset(5) + 1234 + 16 - 10);
    await expectDetected();
  });

  it('is detected when the whole last chunk is removed', async () => {
    await truncate(blobFilePath(t.dir, victim), chunkOffset(5));
    await expectDetected();
  });

  it('is detected when it is cut so that a full chunk, shortened, becomes the last', async () => {
    // Plausible size for a 5-chunk blob, so only the last-chunk flag and the tag can tell.
    await truncate(blobFilePath(t.dir, victim), chunkOffset(4) + 1000);
    await expectDetected();
  });

  it('is detected when bytes are appended', async () => {
    await alter(victim, (bytes) => Buffer.concat([bytes, randomBytes(SEALED_CHUNK_BYTES)]));
    await expectDetected();
  });

  it('is detected when two chunks are swapped', async () => {
    await alter(victim, (bytes) => {
      const first = Buffer.from(bytes.subarray(chunkOffset(1), chunkOffset(2)));
      bytes.copy(bytes, chunkOffset(1), chunkOffset(2), chunkOffset(3));
      first.copy(bytes, chunkOffset(2));
      return bytes;
    });
    await expectDetected();
  });

  it('is detected when the header of another blob is pasted on', async () => {
    const foreign = await readFile(blobFilePath(t.dir, bystander.id));
    await alter(victim, (bytes) => {
      foreign.copy(bytes, 0, 0, HEADER_BYTES);
      return bytes;
    });
    await expectDetected();
  });

  it('is detected when another blob is copied over it whole', async () => {
    const foreign = await readFile(blobFilePath(t.dir, bystander.id));
    await writeFile(blobFilePath(t.dir, victim), foreign);
    await expectDetected();
  });

  it.each([
    ['magic', 0],
    ['format version', 8],
    ['id', 12],
    ['salt', HEADER_BYTES - 1],
  ])('is detected when the header %s is altered', async (_field, at) => {
    await alter(victim, (bytes) => {
      flip(bytes, at, 0x01);
      return bytes;
    });
    await expectDetected();
  });

  it('fails as an integrity error under another case key', async () => {
    await expectDetected(SecretKey.random());
  });
});

describe('streaming a tampered blob', () => {
  it('delivers only the verified whole chunks before the bad one, then fails', async () => {
    const size = 40 * CHUNK_BYTES + 99;
    const long = randomBytes(size);
    const { id } = await t.store.write(caseKey, long);
    const bad = 21;
    const path = blobFilePath(t.dir, id);
    const bytes = await readFile(path);
    flip(bytes, chunkOffset(bad) + 7, 0x01);
    await writeFile(path, bytes);

    const { data, error } = await drain(t.store.createReadStream(caseKey, id));
    expect(error).toBeInstanceOf(BlobIntegrityError);
    expect((error as BlobIntegrityError).message).toContain(`chunk ${bad}`);
    expect(data.length).toBe(bad * CHUNK_BYTES);
    expect(data.equals(long.subarray(0, bad * CHUNK_BYTES))).toBe(true);
  });

  it('decrypts only the chunks a range needs', async () => {
    await alter(victim, (bytes) => {
      flip(bytes, chunkOffset(3) + 10, 0x01);
      return bytes;
    });
    const early = await t.store.readRange(caseKey, victim, 10, 2 * CHUNK_BYTES);
    expect(early.equals(plaintext.subarray(10, 10 + 2 * CHUNK_BYTES))).toBe(true);
    const late = await t.store.readRange(caseKey, victim, 4 * CHUNK_BYTES, CHUNK_BYTES + 1234);
    expect(late.equals(plaintext.subarray(4 * CHUNK_BYTES))).toBe(true);
    await expect(t.store.readRange(caseKey, victim, 3 * CHUNK_BYTES - 1, 2)).rejects.toMatchObject({
      blobId: victim,
    });
  });
});
