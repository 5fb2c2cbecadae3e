// The hashing thread against the same published vectors as the one-thread hasher, several streams
// interleaved on the one thread, and a stream longer than the window the sender may run ahead.
import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { ThreadHasher, bytesHashedOffThread } from './hash-thread.ts';

const hex = (name: string, data: Uint8Array) => createHash(name).update(data).digest('hex');
const expected = (data: Uint8Array) => ({
  sha256: hex('sha256', data),
  sha1: hex('sha1', data),
  md5: hex('md5', data),
});

describe('ThreadHasher', () => {
  it('gives the published digests of "abc" (RFC 1321, FIPS 180-2, RFC 3174)', async () => {
    const h = new ThreadHasher();
    for (const c of 'abc') await h.update(Buffer.from(c));
    expect(await h.digest()).toEqual({
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });

  it('keeps interleaved streams apart and hashes only each view’s bytes', async () => {
    const a = randomBytes(3_000_001);
    const b = randomBytes(2_000_003);
    const ha = new ThreadHasher();
    const hb = new ThreadHasher();
    const before = bytesHashedOffThread();
    for (let at = 0; at < Math.max(a.length, b.length); at += 65_537) {
      if (at < a.length) await ha.update(a.subarray(at, at + 65_537));
      if (at < b.length) await hb.update(b.subarray(at, at + 65_537));
    }
    const [da, db] = await Promise.all([ha.digest(), hb.digest()]);
    expect(da).toEqual(expected(a));
    expect(db).toEqual(expected(b));
    expect(bytesHashedOffThread() - before).toBe(a.length + b.length);
  });

  it('waits for the thread when far ahead, and still hashes every byte (48 MiB)', async () => {
    const data = randomBytes(48 * 1024 * 1024);
    const h = new ThreadHasher();
    for (let at = 0; at < data.length; at += 1024 * 1024) {
      await h.update(data.subarray(at, at + 1024 * 1024));
    }
    expect(await h.digest()).toEqual(expected(data));
  });

  it('forgets a dropped stream; the next one starts fresh', async () => {
    const dropped = new ThreadHasher();
    await dropped.update(Buffer.from('not part of the next file'));
    dropped.drop();
    const h = new ThreadHasher();
    await h.update(Buffer.from('abc'));
    expect((await h.digest()).md5).toBe('900150983cd24fb0d6963f7d28e17f72');
  });
});
