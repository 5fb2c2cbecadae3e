// The one multi-hash against published vectors: RFC 1321 (MD5), FIPS 180-2 appendix examples and
// RFC 3174 / RFC 6234 (SHA-1, SHA-256), fed in pieces of every size so one-pass updates are checked.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { MultiHasher, TwoCoreHasher } from './multi-hash.ts';

const VECTORS = [
  {
    input: '',
    md5: 'd41d8cd98f00b204e9800998ecf8427e',
    sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    input: 'abc',
    md5: '900150983cd24fb0d6963f7d28e17f72',
    sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
    sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  },
  {
    input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    md5: '8215ef0796a20bcaaae116d3876c664a',
    sha1: '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    sha256: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  },
  {
    input: 'a'.repeat(1_000_000),
    md5: '7707d6ae4e027c70eea2a935c2296f21',
    sha1: '34aa973cd4c4daa4f61eeb2bdbad27316534016f',
    sha256: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  },
];

describe('MultiHasher', () => {
  it.each(VECTORS.map((v) => [v.input.slice(0, 20) || '(empty)', v] as const))('%s', (_name, v) => {
    const data = Buffer.from(v.input, 'ascii');
    for (const piece of [1, 3, 64, 65_536, data.length || 1]) {
      const h = new MultiHasher();
      for (let at = 0; at < data.length; at += piece) h.update(data.subarray(at, at + piece));
      expect(h.digest(), `pieces of ${piece}`).toEqual({
        md5: v.md5,
        sha1: v.sha1,
        sha256: v.sha256,
      });
      expect(h.bytes).toBe(data.length);
    }
  });
});

function* inPieces(data: Buffer, piece: number): Generator<Buffer> {
  for (let at = 0; at < data.length; at += piece) yield data.subarray(at, at + piece);
}

describe('TwoCoreHasher (MD5 on a worker thread)', () => {
  let hasher: TwoCoreHasher;
  beforeAll(() => {
    hasher = new TwoCoreHasher();
  });
  afterAll(() => hasher.close());

  it('gives the published digests, file after file on one thread', async () => {
    for (const v of VECTORS) {
      const data = Buffer.from(v.input, 'ascii');
      // One-byte pieces for the short inputs; the million-byte one in odd 4099-byte pieces.
      for (const piece of [data.length < 100 ? 1 : 4099, 65_536, data.length || 1]) {
        expect(await hasher.hash(inPieces(data, piece)), `pieces of ${piece}`).toEqual({
          md5: v.md5,
          sha1: v.sha1,
          sha256: v.sha256,
          bytes: data.length,
        });
      }
    }
  });

  it('hashes more than its window ahead of the thread, from pieces that are views of larger buffers', async () => {
    const data = randomBytes(80 * 1024 * 1024);
    const md5 = createHash('md5').update(data).digest('hex');
    // Views at odd offsets: only the view's bytes may reach the thread, not its whole buffer.
    expect((await hasher.hash(inPieces(data, 1_000_003))).md5).toBe(md5);
  });

  it('starts the next file afresh after a source fails midway', async () => {
    function* failing(): Generator<Buffer> {
      yield Buffer.from('half of a file');
      throw new Error('read failed');
    }
    await expect(hasher.hash(failing())).rejects.toThrow('read failed');
    const v = VECTORS[1]!;
    expect(await hasher.hash(inPieces(Buffer.from(v.input), 1))).toMatchObject({ md5: v.md5 });
  });
});
