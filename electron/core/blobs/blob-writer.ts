// Streaming encryption of one blob into a temporary file; the store publishes it on commit.
import type { KeyObject } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { CustodyError, InvalidInputError, VaultLockedError } from '../errors.ts';
import type { SecretKey } from '../crypto/secret-key.ts';
import { blobKey, CHUNK_BYTES, newHeader, sealChunk } from './blob-format.ts';
import type { BlobHeader } from './blob-format.ts';

export interface BlobInfo {
  id: string;
  /** Plaintext bytes. */
  size: number;
}

/** Await each call before the next; calls are serialised anyway. */
export interface BlobWriter {
  readonly id: string;
  write(chunk: Uint8Array): Promise<void>;
  /** Seals the last chunk, makes the blob durable and visible; only then does it exist. */
  commit(): Promise<BlobInfo>;
  /** Discards everything written; idempotent, and a no-op after commit. */
  abort(): Promise<void>;
}

/** Where the writer's bytes go; the store decides the paths and the publishing. */
export interface TempPlacement {
  open(): Promise<FileHandle>;
  publish(): Promise<void>;
  discard(): Promise<void>;
}

// Sealed chunks are gathered and written with one writev per batch; one batch is on its way to
// disk while the next is encrypted.
const BATCH_BYTES = 16 * CHUNK_BYTES;
// A large blob is flushed to disk as it goes, so that commit's fsync does not wait for all of it.
const SYNC_EVERY_BYTES = 16 * 1024 * 1024;

type State = 'open' | 'committed' | 'aborted';

function ignore(): void {}

export class EncryptingBlobWriter implements BlobWriter {
  readonly id: string;
  readonly #caseKey: SecretKey;
  readonly #placement: TempPlacement;
  readonly #header: BlobHeader;
  readonly #key: KeyObject;
  // Plaintext of a partial chunk; zeroed when the writer ends.
  readonly #staging = Buffer.alloc(CHUNK_BYTES);
  #fill = 0;
  #chunkIndex = 0;
  #size = 0;
  #batch: Buffer[] = [];
  #batchBytes = 0;
  #position = 0;
  #file: FileHandle | undefined;
  #inflight: Promise<void> = Promise.resolve();
  #syncing: Promise<void> = Promise.resolve();
  #unsynced = 0;
  #tail: Promise<unknown> = Promise.resolve();
  #state: State = 'open';

  constructor(caseKey: SecretKey, id: string, placement: TempPlacement) {
    this.id = id;
    this.#caseKey = caseKey;
    this.#placement = placement;
    this.#header = newHeader(id);
    this.#key = blobKey(caseKey, this.#header);
    this.#batch.push(this.#header.bytes);
    this.#batchBytes = this.#header.bytes.length;
  }

  write(chunk: Uint8Array): Promise<void> {
    return this.#serial(() =>
      this.#failSafe(async () => {
        this.#assertWritable();
        if (!(chunk instanceof Uint8Array)) throw new InvalidInputError('Blob data must be bytes.');
        // Sliced so that one huge buffer still goes to disk batch by batch.
        for (let offset = 0; offset < chunk.length; offset += BATCH_BYTES) {
          if (this.#caseKey.wiped) throw new VaultLockedError();
          this.#absorb(chunk.subarray(offset, offset + BATCH_BYTES));
          if (this.#batchBytes >= BATCH_BYTES) await this.#flush();
        }
      }),
    );
  }

  commit(): Promise<BlobInfo> {
    return this.#serial(async () => {
      await this.#failSafe(async () => {
        this.#assertWritable();
        this.#seal(this.#staging.subarray(0, this.#fill), true);
        await this.#flush();
        await this.#inflight;
        await this.#syncing;
        const file = await this.#openFile();
        await file.sync();
        this.#file = undefined;
        await file.close();
        await this.#placement.publish();
      });
      this.#finish('committed');
      return { id: this.id, size: this.#size };
    });
  }

  abort(): Promise<void> {
    return this.#serial(() => this.#discard());
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(op);
    this.#tail = run.then(ignore, ignore);
    return run;
  }

  #assertWritable(): void {
    if (this.#state !== 'open') {
      throw new CustodyError('INVALID_INPUT', `Blob writer ${this.id} is already ${this.#state}.`);
    }
    if (this.#caseKey.wiped) throw new VaultLockedError();
  }

  // Any failure while open discards the temporary file, so no half blob lingers until a sweep;
  // misuse of a finished writer changes nothing, as #discard only acts on an open one.
  async #failSafe(op: () => Promise<void>): Promise<void> {
    try {
      await op();
    } catch (error) {
      await this.#discard().catch(ignore);
      throw error;
    }
  }

  #absorb(data: Uint8Array): void {
    let offset = 0;
    while (offset < data.length) {
      const remaining = data.length - offset;
      // A full chunk is never the last one (the last holds < 64 KiB), so it is sealed at once,
      // straight from the caller's bytes when they are chunk-aligned.
      if (this.#fill === 0 && remaining >= CHUNK_BYTES) {
        this.#seal(data.subarray(offset, offset + CHUNK_BYTES), false);
        offset += CHUNK_BYTES;
        continue;
      }
      const take = Math.min(CHUNK_BYTES - this.#fill, remaining);
      this.#staging.set(data.subarray(offset, offset + take), this.#fill);
      this.#fill += take;
      offset += take;
      if (this.#fill === CHUNK_BYTES) {
        this.#seal(this.#staging, false);
        this.#fill = 0;
      }
    }
  }

  #seal(plaintext: Uint8Array, last: boolean): void {
    const [ciphertext, tag] = sealChunk(this.#key, this.#header, this.#chunkIndex, last, plaintext);
    this.#chunkIndex += 1;
    this.#size += plaintext.length;
    this.#batch.push(ciphertext, tag);
    this.#batchBytes += ciphertext.length + tag.length;
  }

  async #flush(): Promise<void> {
    await this.#inflight;
    if (this.#batchBytes === 0) return;
    const file = await this.#openFile();
    const buffers = this.#batch;
    const position = this.#position;
    this.#position += this.#batchBytes;
    this.#batch = [];
    this.#batchBytes = 0;
    // Not awaited here: the disk write overlaps the encryption of the next batch.
    this.#inflight = writeAll(file, buffers, position);
    this.#inflight.catch(ignore);
    this.#unsynced += this.#position - position;
    if (this.#unsynced >= SYNC_EVERY_BYTES) {
      this.#unsynced = 0;
      this.#syncing = Promise.all([this.#inflight, this.#syncing]).then(() => file.datasync());
      this.#syncing.catch(ignore);
    }
  }

  async #openFile(): Promise<FileHandle> {
    this.#file ??= await this.#placement.open();
    return this.#file;
  }

  async #discard(): Promise<void> {
    if (this.#state !== 'open') return;
    this.#finish('aborted');
    await this.#inflight.catch(ignore);
    await this.#syncing.catch(ignore);
    const file = this.#file;
    this.#file = undefined;
    await file?.close().catch(ignore);
    await this.#placement.discard();
  }

  #finish(state: State): void {
    this.#state = state;
    this.#staging.fill(0);
    this.#batch = [];
    this.#batchBytes = 0;
  }
}

async function writeAll(file: FileHandle, buffers: Buffer[], position: number): Promise<void> {
  let pending = buffers;
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await file.writev(pending, at);
    if (bytesWritten === 0) throw new CustodyError('INTERNAL', 'The disk accepted no bytes.');
    at += bytesWritten;
    pending = dropWritten(pending, bytesWritten);
  }
}

function dropWritten(buffers: Buffer[], written: number): Buffer[] {
  let left = written;
  let index = 0;
  while (index < buffers.length && left >= (buffers[index]?.length ?? 0)) {
    left -= buffers[index]?.length ?? 0;
    index += 1;
  }
  const rest = buffers.slice(index);
  const first = rest[0];
  if (first !== undefined && left > 0) rest[0] = first.subarray(left);
  return rest;
}
