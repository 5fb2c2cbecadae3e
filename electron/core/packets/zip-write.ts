// Writes the packet's ZIP as a stream: originals go from the blob store through a hash check into
// the archive (and through age, when encrypted) without ever being whole in memory or on disk in
// the clear. Output goes to a temporary name beside the target and is renamed when complete.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Encrypter } from 'age-encryption';
import { CustodyError } from '../errors.ts';
import { ageEncrypt } from './age-stream.ts';

export type ZipSource =
  | { path: string; data: Buffer; compress: boolean }
  | { path: string; size: number; sha256: string; open: () => Readable };

/** Passes bytes through, counting them, and fails the stream if they are not the expected ones. */
class HashCheck extends Transform {
  readonly #hash = createHash('sha256');
  readonly #expect: { path: string; size: number; sha256: string };
  readonly #onBytes: (n: number) => void;
  #size = 0;

  constructor(
    expect: { path: string; size: number; sha256: string },
    onBytes: (n: number) => void,
  ) {
    super();
    this.#expect = expect;
    this.#onBytes = onBytes;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk);
    this.#size += chunk.length;
    this.#onBytes(chunk.length);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const sha256 = this.#hash.digest('hex');
    if (sha256 !== this.#expect.sha256 || this.#size !== this.#expect.size) {
      done(
        new CustodyError(
          'BLOB_INTEGRITY',
          `${this.#expect.path}: the stored original no longer matches its recorded SHA-256.`,
        ),
      );
      return;
    }
    done();
  }
}

// Regular file, owner read/write only: unzipped evidence is not readable by other local users.
const MODE = 0o100600;

function zipOf(sources: readonly ZipSource[], mtime: Date, onBytes: (n: number) => void): ZipFile {
  const zip = new ZipFile();
  for (const s of sources) {
    if ('data' in s) {
      zip.addBuffer(s.data, s.path, { mtime, mode: MODE, compress: s.compress });
      continue;
    }
    // Lazily, so only one original is open at a time; stored, since evidence rarely compresses.
    zip.addReadStreamLazy(s.path, { mtime, mode: MODE, compress: false, size: s.size }, (cb) => {
      const check = new HashCheck(s, onBytes);
      const source = s.open();
      source.on('error', (e) => check.destroy(e));
      cb(null, source.pipe(check));
    });
  }
  zip.end();
  return zip;
}

/** Writes the ZIP (encrypted when `encrypter` is given) to `out`, atomically. */
export async function writePacketZip(
  out: string,
  sources: readonly ZipSource[],
  o: { mtime: Date; encrypter?: Encrypter | undefined; onBytes: (n: number) => void },
): Promise<number> {
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    const zip = zipOf(sources, o.mtime, o.onBytes);
    const zipStream = zip.outputStream as Readable;
    zip.on('error', (e: Error) => zipStream.destroy(e));
    const body = o.encrypter ? await ageEncrypt(zipStream, o.encrypter) : zipStream;
    // `flush` fsyncs before the close, so the rename publishes complete bytes.
    await pipeline(body, createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }));
    const { size } = await stat(temp);
    await rename(temp, out);
    return size;
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
