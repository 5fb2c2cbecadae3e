// Verified reads of one blob by byte range, synchronously, for the decode process: FFmpeg in
// WebAssembly asks for input bytes from inside one synchronous call, so it cannot wait for the
// main process to decrypt them. The reader holds only the blob's own key (blob-format.ts
// `blobSubkey`, derived in the main process from the case key, which never leaves it): that key
// opens this one blob, whose plaintext the decode process is reading anyway. Format:
// docs/formats/blob.md. Plaintext leaves a chunk only once its tag has verified.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { BlobIntegrityError } from '../errors.ts';
import { SecretKey } from '../crypto/secret-key.ts';
import {
  CHUNK_BYTES,
  chunkOffset,
  HEADER_BYTES,
  keyObjectOf,
  layoutFor,
  openChunk,
  parseHeader,
  SEALED_CHUNK_BYTES,
} from './blob-format.ts';
import type { BlobHeader, Layout } from './blob-format.ts';

/** One blob as the main process hands it to a reader elsewhere: where it is and its own key. */
export interface SealedBlob {
  path: string;
  id: string;
  /** The per-blob key's 32 bytes; `SyncBlobReader.open` wipes them. */
  key: Uint8Array;
}

export class SyncBlobReader {
  readonly size: number;
  readonly #fd: number;
  readonly #id: string;
  readonly #fileSize: number;
  readonly #layout: Layout;
  readonly #header: BlobHeader;
  readonly #key: KeyObject;
  #cached: { index: number; plaintext: Buffer } | null = null;

  private constructor(fd: number, blob: SealedBlob, key: KeyObject) {
    this.#fd = fd;
    this.#id = blob.id;
    this.#fileSize = fstatSync(fd).size;
    this.#layout = layoutFor(blob.id, this.#fileSize);
    const header = Buffer.alloc(HEADER_BYTES);
    this.#readSealed(header, 0);
    this.#header = parseHeader(blob.id, header);
    this.#key = key;
    this.size = this.#layout.plaintextSize;
  }

  /** Opens the blob; the key bytes are wiped whether or not it opens. */
  static open(blob: SealedBlob): SyncBlobReader {
    const key = keyObjectOf(SecretKey.adopt(Buffer.from(blob.key)));
    blob.key.fill(0);
    const fd = openSync(blob.path, 'r');
    try {
      return new SyncBlobReader(fd, blob, key);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Copies up to `length` verified plaintext bytes from `position` into `into` at `offset`. */
  read(into: Uint8Array, offset: number, length: number, position: number): number {
    let copied = 0;
    while (copied < length && position + copied < this.size) {
      const at = position + copied;
      const index = Math.floor(at / CHUNK_BYTES);
      const plaintext = this.#chunk(index);
      const from = at - index * CHUNK_BYTES;
      const n = Math.min(length - copied, plaintext.length - from);
      if (n <= 0) break;
      into.set(plaintext.subarray(from, from + n), offset + copied);
      copied += n;
    }
    return copied;
  }

  close(): void {
    this.#cached?.plaintext.fill(0);
    this.#cached = null;
    closeSync(this.#fd);
  }

  #chunk(index: number): Buffer {
    if (this.#cached?.index === index) return this.#cached.plaintext;
    const last = index === this.#layout.chunkCount - 1;
    const start = chunkOffset(index);
    const end = last ? this.#fileSize : start + SEALED_CHUNK_BYTES;
    const sealed = Buffer.alloc(end - start);
    this.#readSealed(sealed, start);
    const plaintext = openChunk(this.#key, this.#header, index, last, sealed);
    this.#cached?.plaintext.fill(0);
    this.#cached = { index, plaintext };
    return plaintext;
  }

  #readSealed(into: Buffer, position: number): void {
    let filled = 0;
    while (filled < into.length) {
      const n = readSync(this.#fd, into, filled, into.length - filled, position + filled);
      if (n === 0) throw new BlobIntegrityError(this.#id, 'file ended early');
      filled += n;
    }
  }
}
