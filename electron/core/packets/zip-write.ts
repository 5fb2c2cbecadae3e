// Writes the packet's ZIP as a stream: originals go from the blob store through a hash check into
// the archive (and through age, when encrypted) without ever being whole in memory. The packet is
// written inside the vault (its blob store's temp folder, swept at the next unlock) and only linked
// into place when complete, so an error or a kill at any moment leaves nothing beside the target.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Encrypter } from 'age-encryption';
import { CustodyError } from '../errors.ts';
import { ageEncrypt } from './age-stream.ts';
import { ZipStream } from './zip-stream.ts';

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

// Regular file, owner read/write only: unzipped evidence is not readable by other local users.
const MODE = 0o100600;
/**
 * Bytes each stage may hold ahead of the next. With the streams' default 64 KiB, reading the blob
 * store and writing the packet took turns, each waiting for the other's trip to the disk (most of
 * a build was idle); a few MiB lets the reads run while earlier bytes are being written.
 */
const AHEAD_BYTES = 4 * 1024 * 1024;

/** An original's bytes from the blob store, hashed as they pass; fails unless they are the recorded ones. */
async function* checked(
  s: Extract<ZipSource, { open: unknown }>,
  onBytes: (n: number) => void,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const piece of s.open()) {
      const chunk = piece as Buffer;
      hash.update(chunk);
      size += chunk.length;
      onBytes(chunk.length);
      yield chunk;
    }
  } catch (e) {
    throw new PacketItemError(s.item, 'fails its integrity check', e);
  }
  if (hash.digest('hex') !== s.sha256 || size !== s.size)
    throw new PacketItemError(
      s.item,
      'fails its integrity check',
      new Error('no longer matches its recorded SHA-256'),
    );
}

/** The ZIP's bytes in order. Originals are opened one at a time, as the ZIP reaches them. */
async function* zipOf(
  sources: readonly ZipSource[],
  mtime: Date,
  onBytes: (n: number) => void,
): AsyncGenerator<Buffer> {
  const zip = new ZipStream();
  for (const s of sources) {
    const meta = { path: s.path, mtime, mode: MODE };
    // Stored, since evidence rarely compresses.
    if ('data' in s) yield* zip.buffer(meta, s.data, s.compress);
    else yield* zip.stream(meta, checked(s, onBytes));
  }
  yield zip.end();
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
  try {
    const zipStream = Readable.from(zipOf(sources, o.mtime, o.onBytes), {
      objectMode: false,
      highWaterMark: AHEAD_BYTES,
    });
    const body = o.encrypter ? await ageEncrypt(zipStream, o.encrypter) : zipStream;
    // `flush` fsyncs before the close, so what is published is complete.
    const file = createWriteStream(o.scratch, {
      flags: 'wx',
      mode: 0o600,
      flush: true,
      highWaterMark: AHEAD_BYTES,
    });
    await pipeline(body, file);
    const { size } = await stat(o.scratch);
    await publish(o.scratch, out);
    return size;
  } finally {
    await rm(o.scratch, { force: true });
  }
}
