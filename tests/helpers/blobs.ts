// Shared by the blob store's tests only: temporary stores and stream helpers.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStore } from '../../electron/core/blobs/blob-store.ts';

export interface TempStore {
  readonly dir: string;
  readonly store: BlobStore;
  dispose(): Promise<void>;
}

export async function tempStore(): Promise<TempStore> {
  const root = await mkdtemp(join(tmpdir(), 'custody-blobs-'));
  const dir = join(root, 'blobs');
  return {
    dir,
    store: new BlobStore(dir),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/** Irregular piece sizes, as a network or decoder would hand them over. */
export async function* inPieces(data: Buffer, seed = 7): AsyncGenerator<Buffer> {
  let state = seed;
  let offset = 0;
  while (offset < data.length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (state % 200_000);
    yield data.subarray(offset, offset + size);
    offset += size;
    await Promise.resolve();
  }
}

/** Everything a stream delivers, and the error that ended it, if any. */
export async function drain(stream: Readable): Promise<{ data: Buffer; error: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const part of stream) parts.push(part as Buffer);
    return { data: Buffer.concat(parts), error: undefined };
  } catch (error) {
    return { data: Buffer.concat(parts), error };
  }
}
