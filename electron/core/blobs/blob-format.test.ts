// The bytes on disk are exactly those docs/formats/blob.md describes, rebuilt here from the
// document with bare node:crypto, so a reader written from the document can open our blobs.
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretKey } from '../crypto/secret-key.ts';
import { blobFilePath } from './blob-store.ts';
import { tempStore } from '../../../tests/helpers/blobs.ts';
import type { TempStore } from '../../../tests/helpers/blobs.ts';

let t: TempStore;

beforeEach(async () => {
  t = await tempStore();
});

afterEach(async () => {
  await t.dispose();
});

/** A blob file of `plaintext`, built from the document alone, with the header's salt given. */
function documentedBlob(caseKey: Buffer, id: string, salt: Buffer, plaintext: Buffer): Buffer {
  const header = Buffer.concat([
    Buffer.from('CUSTBLOB'),
    Buffer.of(1),
    Buffer.from(id, 'hex'),
    salt,
  ]);
  const info = `custody/blob/v1/${id}/${salt.toString('hex')}`;
  const key = Buffer.from(hkdfSync('sha256', caseKey, Buffer.alloc(0), info, 32));
  const parts = [header];
  const chunkCount = Math.floor(plaintext.length / 65536) + 1;
  for (let i = 0; i < chunkCount; i += 1) {
    const nonce = Buffer.alloc(12);
    nonce.writeUIntBE(i, 5, 6);
    nonce[11] = i === chunkCount - 1 ? 1 : 0;
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(header);
    parts.push(cipher.update(plaintext.subarray(i * 65536, (i + 1) * 65536)), cipher.final());
    parts.push(cipher.getAuthTag());
  }
  return Buffer.concat(parts);
}

describe('blob file format v1', () => {
  it.each([0, 100, 65536, 2 * 65536 + 100])(
    'stores %i bytes exactly as documented',
    async (size) => {
      const keyBytes = randomBytes(32);
      const caseKey = SecretKey.adopt(Buffer.from(keyBytes));
      const plaintext = randomBytes(size);
      const { id } = await t.store.write(caseKey, plaintext);
      const onDisk = await readFile(blobFilePath(t.dir, id));
      const salt = onDisk.subarray(25, 41);
      expect(onDisk.equals(documentedBlob(keyBytes, id, salt, plaintext))).toBe(true);
    },
  );

  it('gives every write its own salt, so even one id never repeats a key', async () => {
    const caseKey = SecretKey.random();
    const a = await readFile(
      blobFilePath(t.dir, (await t.store.write(caseKey, randomBytes(9))).id),
    );
    const b = await readFile(
      blobFilePath(t.dir, (await t.store.write(caseKey, randomBytes(9))).id),
    );
    expect(a.subarray(25, 41).equals(b.subarray(25, 41))).toBe(false);
  });
});
