// Writes the packet's ZIP as a stream: originals go from the blob store through a hash check into
// the archive (and through age, when encrypted) without ever being whole in memory. The packet is
// written inside the vault (its blob store's temp folder, swept at the next unlock) and only linked
// into place when complete, so an error or a kill at any moment leaves nothing beside the target.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { Encrypter } from 'age-encryption';
import { CustodyError } from '../errors.ts';
import { ageEncrypt } from './age-stream.ts';

export type ZipSource =
  | { path: string; data: Buffer; compress: boolean }
  | {
      path: string;
      size: number;
      sha256: string;
      open: () => Readable;
      /** Who to name when the original cannot be read: the user's item id and file name. */
      item: { id: string; name: string };
    };

/** An original that could not be put in the packet; names the item, never the blob. */
export class PacketItemError extends CustodyError {
  readonly itemId: string;
  constructor(item: { id: string; name: string }, reason: string, cause: unknown) {
    super(
      'BLOB_INTEGRITY',
      `Item ${item.id} (${JSON.stringify(item.name)}): its stored original ${reason}. No packet was written. Run \`custody vault check\`, then build the packet again without this item (--items) or after restoring it.`,
      { cause },
    );
    this.itemId = item.id;
  }
}

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
      done(new Error('no longer matches its recorded SHA-256'));
      return;
    }
    done();
  }
}

// Regular file, owner read/write only: unzipped evidence is not readable by other local users.
const MODE = 0o100600;

function zipOf(
  sources: readonly ZipSource[],
  mtime: Date,
  onBytes: (n: number) => void,
  fail: (e: PacketItemError) => void,
): ZipFile {
  const zip = new ZipFile();
  for (const s of sources) {
    if ('data' in s) {
      zip.addBuffer(s.data, s.path, { mtime, mode: MODE, compress: s.compress });
      continue;
    }
    // Lazily, so only one original is open at a time; stored, since evidence rarely compresses.
    zip.addReadStreamLazy(s.path, { mtime, mode: MODE, compress: false, size: s.size }, (cb) => {
      const check = new HashCheck(s, onBytes);
      // yazl listens to neither stream's 'error': both end here, as one error naming the item.
      check.on('error', (e) => fail(new PacketItemError(s.item, 'fails its integrity check', e)));
      const source = s.open();
      source.on('error', (e) => check.destroy(e));
      cb(null, source.pipe(check));
    });
  }
  zip.end();
  return zip;
}

/**
 * Publishes the complete file at `out` without ever replacing an existing one. A hard link from the
 * vault's temp folder when both are on one file system; otherwise a copy to a temporary name
 * beside `out`, removed on any error (a kill during this copy can leave it: docs/formats/packet.md).
 */
async function publish(scratch: string, out: string): Promise<void> {
  try {
    await link(scratch, out);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
  }
  const beside = join(dirname(out), `.${basename(out)}.${basename(scratch)}.partial`);
  try {
    await pipeline(
      createReadStream(scratch),
      createWriteStream(beside, { flags: 'wx', mode: 0o600, flush: true }),
    );
    await link(beside, out);
  } finally {
    await rm(beside, { force: true });
  }
}

/** Writes the ZIP (encrypted when `encrypter` is given) to `scratch`, then publishes it at `out`. */
export async function writePacketZip(
  out: string,
  sources: readonly ZipSource[],
  o: {
    /** A fresh path inside the vault, swept at the next unlock if this process dies. */
    scratch: string;
    mtime: Date;
    encrypter?: Encrypter | undefined;
    onBytes: (n: number) => void;
  },
): Promise<number> {
  let failure: PacketItemError | null = null;
  try {
    // Called only once the ZIP is being read, after zipStream exists.
    const zip = zipOf(sources, o.mtime, o.onBytes, (e) => {
      failure ??= e;
      zipStream.destroy(e);
    });
    const zipStream = zip.outputStream as Readable;
    zip.on('error', (e: Error) => zipStream.destroy(e));
    const body = o.encrypter ? await ageEncrypt(zipStream, o.encrypter) : zipStream;
    // `flush` fsyncs before the close, so what is published is complete.
    await pipeline(body, createWriteStream(o.scratch, { flags: 'wx', mode: 0o600, flush: true }));
    const { size } = await stat(o.scratch);
    await publish(o.scratch, out);
    return size;
  } catch (e) {
    throw failure ?? e;
  } finally {
    await rm(o.scratch, { force: true });
  }
}
