// A blob read in ranges by another process with only its own key: the same bytes as the store's
// own reader, a tampered chunk refused, the handed-over key bytes wiped once taken.
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretKey } from '../crypto/secret-key.ts';
import { BlobIntegrityError } from '../errors.ts';
import { CHUNK_BYTES, chunkOffset } from './blob-format.ts';
import { blobFilePath } from './blob-store.ts';
import { SyncBlobReader } from './blob-sync-reader.ts';
import { tempStore } from '../../../tests/helpers/blobs.ts';
import type { TempStore } from '../../../tests/helpers/blobs.ts';

let t: TempStore;
let caseKey: SecretKey;

beforeEach(async () => {
  t = await tempStore();
  caseKey = SecretKey.random();
});
afterEach(() => t.dispose());

async function handedOff(plaintext: Buffer) {
  const { id } = await t.store.write(caseKey, plaintext);
  const { path, key } = await t.store.handOff(caseKey, id);
  const bytes = new Uint8Array(key.use());
  key.wipe();
  return { id, path, key: bytes };
}

describe('a blob read synchronously with its own key', () => {
  it('gives every range the store gives, across chunk edges and to the end', async () => {
    const plaintext = randomBytes(3 * CHUNK_BYTES + 1234);
    const blob = await handedOff(plaintext);
    const reader = SyncBlobReader.open(blob);
    try {
      expect(reader.size).toBe(plaintext.length);
      for (const [at, length] of [
        [0, 10],
        [CHUNK_BYTES - 5, 10],
        [2 * CHUNK_BYTES - 1, CHUNK_BYTES + 2],
        [plaintext.length - 7, 100],
      ] as const) {
        const out = new Uint8Array(length + 3);
        const n = reader.read(out, 3, length, at);
        expect(n).toBe(Math.min(length, plaintext.length - at));
        expect(Buffer.from(out.subarray(3, 3 + n)).equals(plaintext.subarray(at, at + n))).toBe(
          true,
        );
      }
      expect(reader.read(new Uint8Array(8), 0, 8, plaintext.length)).toBe(0);
    } finally {
      reader.close();
    }
  });

  it('wipes the key bytes it was handed, and refuses a tampered chunk', async () => {
    const blob = await handedOff(randomBytes(2 * CHUNK_BYTES));
    const file = await open(blobFilePath(t.dir, blob.id), 'r+');
    // Flipped, not overwritten: a byte that already held the new value would change nothing.
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, chunkOffset(1) + 100);
    await file.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, chunkOffset(1) + 100);
    await file.close();
    const key = blob.key;
    const reader = SyncBlobReader.open(blob);
    expect(key.every((b) => b === 0)).toBe(true);
    try {
      expect(reader.read(new Uint8Array(16), 0, 16, 0)).toBe(16);
      expect(() => reader.read(new Uint8Array(16), 0, 16, CHUNK_BYTES + 1)).toThrow(
        BlobIntegrityError,
      );
    } finally {
      reader.close();
    }
  });

  it("is refused a key that is not the blob's own", async () => {
    const blob = await handedOff(randomBytes(100));
    const reader = SyncBlobReader.open({ ...blob, key: randomBytes(32) });
    try {
      expect(() => reader.read(new Uint8Array(16), 0, 16, 0)).toThrow(BlobIntegrityError);
    } finally {
      reader.close();
    }
  });
});
