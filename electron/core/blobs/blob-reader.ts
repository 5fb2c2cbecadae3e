// Verified decryption of a blob file, whole or by chunk range. Plaintext of a chunk leaves this
// module only after that chunk's tag has verified.
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { KeyObject } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import {
  BlobIntegrityError,
  CustodyError,
  InvalidInputError,
  VaultLockedError,
} from '../errors.ts';
import type { SecretKey } from '../crypto/secret-key.ts';
import {
  blobKey,
  blobSubkey,
  CHUNK_BYTES,
  chunkOffset,
  HEADER_BYTES,
  layoutFor,
  openChunk,
  parseHeader,
  SEALED_CHUNK_BYTES,
} from './blob-format.ts';
import type { BlobHeader, Layout } from './blob-format.ts';

interface OpenedBlob {
  readonly id: string;
  readonly file: FileHandle;
  readonly fileSize: number;
  readonly layout: Layout;
  readonly header: BlobHeader;
  readonly key: KeyObject;
}

// Chunks read per disk request; the next request is issued before this batch is decrypted.
const BATCH_CHUNKS = 16;

function ignore(): void {}

/** A missing file, reported as the missing blob it is. */
export function asNotFound(error: unknown, id: string): unknown {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new CustodyError('BLOB_NOT_FOUND', `No blob with id ${id}.`);
  }
  return error;
}

async function openBlob(path: string, id: string, caseKey: SecretKey): Promise<OpenedBlob> {
  if (caseKey.wiped) throw new VaultLockedError();
  const file = await open(path, 'r').catch((error: unknown) => {
    throw asNotFound(error, id);
  });
  try {
    const { size: fileSize } = await file.stat();
    const layout = layoutFor(id, fileSize);
    const header = parseHeader(id, await readFully(file, id, Buffer.alloc(HEADER_BYTES), 0));
    return { id, file, fileSize, layout, header, key: blobKey(caseKey, header) };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/**
 * Where blob `id` is and its own key, for a reader in another process that cannot ask this one
 * for each range (blob-sync-reader.ts). The caller wipes the key once it has handed it over.
 */
export async function blobHandOff(
  path: string,
  id: string,
  caseKey: SecretKey,
): Promise<{ path: string; id: string; key: SecretKey }> {
  const blob = await openBlob(path, id, caseKey);
  await blob.file.close();
  return { path, id, key: blobSubkey(caseKey, blob.header) };
}

/**
 * Verified plaintext of the whole blob as a byte stream. A chunk that fails its check ends the
 * stream with its error, after the verified chunks before it.
 */
export function plaintextStream(path: string, id: string, caseKey: SecretKey): Readable {
  const batches = wholeBlobBatches(path, id, caseKey);
  // Verified chunks not yet pushed. Pushing only while the stream wants more keeps one chunk per
  // read(), so a consumer never pays for Readable concatenating a whole batch.
  let queued: Buffer[] = [];
  let pumping = false;
  const stream = new Readable({
    read() {
      if (!pumping) void pump();
    },
    destroy(error, callback) {
      for (const plaintext of queued) plaintext.fill(0);
      queued = [];
      batches.return(undefined).then(
        () => callback(error),
        (closeError: unknown) => callback(error ?? (closeError as Error)),
      );
    },
  });
  async function pump(): Promise<void> {
    pumping = true;
    try {
      for (;;) {
        for (let plaintext = queued.shift(); plaintext; plaintext = queued.shift()) {
          if (plaintext.length > 0 && !stream.push(plaintext)) return;
        }
        const next = await batches.next();
        if (next.done === true) {
          stream.push(null);
          return;
        }
        queued = next.value;
      }
    } catch (error) {
      stream.destroy(error as Error);
    } finally {
      pumping = false;
    }
  }
  return stream;
}

async function* wholeBlobBatches(
  path: string,
  id: string,
  caseKey: SecretKey,
): AsyncGenerator<Buffer[]> {
  const blob = await openBlob(path, id, caseKey);
  try {
    yield* decryptBatches(blob, caseKey, 0, blob.layout.chunkCount);
  } finally {
    await blob.file.close();
  }
}

/** `length` plaintext bytes from `offset`, decrypting only the chunks that hold them. */
export async function readPlaintext(
  path: string,
  id: string,
  caseKey: SecretKey,
  range?: { offset: number; length: number },
): Promise<Buffer> {
  const blob = await openBlob(path, id, caseKey);
  try {
    const size = blob.layout.plaintextSize;
    const { offset, length } = range ?? { offset: 0, length: size };
    if (!isByteCount(offset) || !isByteCount(length) || offset + length > size) {
      throw new InvalidInputError(
        `Range ${offset}+${length} lies outside blob ${id} (${size} bytes).`,
      );
    }
    // Every byte is overwritten below, so no need to zero it first.
    const out = Buffer.allocUnsafe(length);
    if (length === 0) return out;
    const first = Math.floor(offset / CHUNK_BYTES);
    const end = Math.floor((offset + length - 1) / CHUNK_BYTES) + 1;
    let index = first;
    for await (const batch of decryptBatches(blob, caseKey, first, end)) {
      for (const plaintext of batch) {
        const chunkStart = index * CHUNK_BYTES;
        const from = Math.max(offset - chunkStart, 0);
        const to = Math.min(offset + length - chunkStart, plaintext.length);
        plaintext.copy(out, chunkStart + from - offset, from, to);
        plaintext.fill(0);
        index += 1;
      }
    }
    return out;
  } finally {
    await blob.file.close();
  }
}

function isByteCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

interface SealedBatch {
  readonly start: number;
  readonly count: number;
  readonly bytes: Buffer;
}

/**
 * Plaintext of chunks [first, end), a batch at a time. When a chunk fails, the verified chunks
 * before it in its batch are yielded first, then its error is thrown.
 */
async function* decryptBatches(
  blob: OpenedBlob,
  caseKey: SecretKey,
  first: number,
  end: number,
): AsyncGenerator<Buffer[]> {
  const lastIndex = blob.layout.chunkCount - 1;
  const sealedEnd = (index: number): number =>
    index === lastIndex ? blob.fileSize : chunkOffset(index + 1);
  // Two buffers in turn: one is filled by the disk while the other's chunks are decrypted.
  const batchBytes = Math.min(BATCH_CHUNKS, end - first) * SEALED_CHUNK_BYTES;
  const buffers: Buffer[] = [];
  let turn = 1;
  const readBatch = async (start: number): Promise<SealedBatch> => {
    const count = Math.min(BATCH_CHUNKS, end - start);
    turn = 1 - turn;
    const buffer = (buffers[turn] ??= Buffer.allocUnsafe(batchBytes));
    const length = sealedEnd(start + count - 1) - chunkOffset(start);
    const bytes = await readFully(
      blob.file,
      blob.id,
      buffer.subarray(0, length),
      chunkOffset(start),
    );
    return { start, count, bytes };
  };

  let pending: Promise<SealedBatch> | undefined = readBatch(first);
  try {
    while (pending !== undefined) {
      const batch: SealedBatch = await pending;
      const next = batch.start + batch.count;
      pending = next < end ? readBatch(next) : undefined;
      pending?.catch(ignore);
      if (caseKey.wiped) throw new VaultLockedError();
      const verified: Buffer[] = [];
      let failure: BlobIntegrityError | undefined;
      for (let k = 0; k < batch.count && failure === undefined; k += 1) {
        const index = batch.start + k;
        const from = chunkOffset(index) - chunkOffset(batch.start);
        const sealed = batch.bytes.subarray(from, sealedEnd(index) - chunkOffset(batch.start));
        try {
          verified.push(openChunk(blob.key, blob.header, index, index === lastIndex, sealed));
        } catch (error) {
          if (!(error instanceof BlobIntegrityError)) throw error;
          failure = error;
        }
      }
      if (verified.length > 0) yield verified;
      if (failure !== undefined) throw failure;
    }
  } finally {
    // The file is closed after this returns; no read may still be running against it.
    await pending?.catch(ignore);
  }
}

async function readFully(
  file: FileHandle,
  id: string,
  buffer: Buffer,
  position: number,
): Promise<Buffer> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await file.read(
      buffer,
      filled,
      buffer.length - filled,
      position + filled,
    );
    if (bytesRead === 0) throw new BlobIntegrityError(id, 'file ended early');
    filled += bytesRead;
  }
  return buffer;
}
