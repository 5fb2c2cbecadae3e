// The natively sealed age payload, against Debian's `age -d` and the verifier's own reader, at the
// sizes where STREAM goes wrong: empty, one byte, around one and two chunk borders. The file's
// length says how many chunks it holds, so an empty last chunk after a full one (which `age`
// refuses) or a missing one shows as a wrong length as well as a failed decryption.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { CHUNK, PAYLOAD_NONCE, TAG } from './age-payload.ts';
import { openAgePayload, parseIdentityFile } from './age-reader.ts';
import { ageEncrypt, encrypterFor } from './age-stream.ts';

let dir: { path: string; cleanup: () => Promise<void> };
let identity: string;
let recipient: string;

beforeAll(async () => {
  dir = await tempDir('custody-age-payload-');
  identity = join(dir.path, 'key.txt');
  execFileSync('age-keygen', ['-o', identity], { stdio: 'ignore' });
  recipient = execFileSync('age-keygen', ['-y', identity], { encoding: 'utf8' }).trim();
});
afterAll(() => dir.cleanup());

/** `data` in pieces of uneven sizes, as a ZIP writer would hand them over. */
function uneven(data: Buffer): Readable {
  const sizes = [1, 7000, 65535, 3, 131072, 40000];
  const pieces: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(data.subarray(at, at + size));
    at += size;
  }
  return Readable.from(pieces, { objectMode: false });
}

async function sealTo(path: string, data: Buffer): Promise<Buffer> {
  const out = await ageEncrypt(uneven(data), encrypterFor({ ageRecipient: recipient }));
  await pipeline(out, createWriteStream(path));
  return readFile(path);
}

const headerLength = (file: Buffer) => file.indexOf('\n', file.indexOf('\n--- ') + 1) + 1;

describe('the age payload sealed with node:crypto', () => {
  const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 5, 5 * CHUNK + 12345];
  it.each(sizes)(
    '%i bytes: `age -d` and the reader give them back, in as many chunks as age makes',
    async (size) => {
      const data = randomBytes(size);
      const path = join(dir.path, `sealed-${size}.age`);
      const file = await sealTo(path, data);
      // age's chunking: ceil(size / 64 KiB) chunks, and one (empty) for an empty file.
      const chunks = Math.max(1, Math.ceil(size / CHUNK));
      expect(file.length - headerLength(file)).toBe(PAYLOAD_NONCE + size + chunks * TAG);
      // Buffer.equals: vitest's deep equality walks a buffer byte by byte.
      const opened = execFileSync('age', ['-d', '-i', identity, path], { maxBuffer: 64 << 20 });
      expect(opened.equals(data)).toBe(true);
      const identities = parseIdentityFile(await readFile(identity, 'utf8'));
      const payload = await openAgePayload(path, { identities });
      try {
        expect(payload.size).toBe(size);
        const parts: Buffer[] = [];
        for await (const piece of payload.range(0, size)) parts.push(piece);
        expect(Buffer.concat(parts).equals(data)).toBe(true);
      } finally {
        await payload.close();
      }
    },
  );

  it('two packets to one recipient get different file keys and payload nonces', async () => {
    const data = randomBytes(1000);
    const a = await sealTo(join(dir.path, 'a.age'), data);
    const b = await sealTo(join(dir.path, 'b.age'), data);
    const body = (f: Buffer) => f.subarray(headerLength(f));
    expect(body(a).subarray(0, PAYLOAD_NONCE)).not.toEqual(body(b).subarray(0, PAYLOAD_NONCE));
    expect(body(a).subarray(PAYLOAD_NONCE)).not.toEqual(body(b).subarray(PAYLOAD_NONCE));
  });

  it('an error of the input ends the encrypted stream with it', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk went away'));
      },
    });
    const out = await ageEncrypt(failing, encrypterFor({ ageRecipient: recipient }));
    await expect(pipeline(out, createWriteStream(join(dir.path, 'failed.age')))).rejects.toThrow(
      'disk went away',
    );
  });
});
