// The on-disk blob format, version 1. The bytes are documented in docs/formats/blob.md;
// this module is the only place that builds or parses them.
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { BlobIntegrityError } from '../errors.ts';
import type { SecretKey } from '../crypto/secret-key.ts';

export const MAGIC = Buffer.from('CUSTBLOB', 'ascii');
export const FORMAT_VERSION = 1;
export const ID_BYTES = 16;
export const SALT_BYTES = 16;
export const HEADER_BYTES = MAGIC.length + 1 + ID_BYTES + SALT_BYTES;
export const CHUNK_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
/** One full chunk as stored: ciphertext then tag. */
export const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;

const ID_PATTERN = /^[0-9a-f]{32}$/;
// 2^48 chunks of 64 KiB is 16 EiB: the counter never wraps in practice, but it must never wrap.
const MAX_CHUNKS = 2 ** 48;

export interface BlobHeader {
  /** The exact header bytes, authenticated as AAD of every chunk. */
  readonly bytes: Buffer;
  readonly id: string;
  readonly salt: Buffer;
}

export function newBlobId(): string {
  return randomBytes(ID_BYTES).toString('hex');
}

export function isBlobId(id: string): boolean {
  return ID_PATTERN.test(id);
}

export function newHeader(id: string): BlobHeader {
  const salt = randomBytes(SALT_BYTES);
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes[MAGIC.length] = FORMAT_VERSION;
  bytes.write(id, MAGIC.length + 1, ID_BYTES, 'hex');
  salt.copy(bytes, MAGIC.length + 1 + ID_BYTES);
  return { bytes, id, salt };
}

/** Parses a header read from the file named `expectedId`; a header from another blob is refused. */
export function parseHeader(expectedId: string, bytes: Buffer): BlobHeader {
  if (bytes.length < HEADER_BYTES) throw new BlobIntegrityError(expectedId, 'file too short');
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BlobIntegrityError(expectedId, 'not a blob file');
  }
  const version = bytes[MAGIC.length];
  if (version !== FORMAT_VERSION) {
    throw new BlobIntegrityError(expectedId, `unknown format version ${String(version)}`);
  }
  const idStart = MAGIC.length + 1;
  const id = bytes.toString('hex', idStart, idStart + ID_BYTES);
  if (id !== expectedId) throw new BlobIntegrityError(expectedId, 'header belongs to another blob');
  const header = Buffer.from(bytes.subarray(0, HEADER_BYTES));
  return { bytes: header, id, salt: header.subarray(idStart + ID_BYTES) };
}

/**
 * The per-blob key: HKDF of the case key bound to the blob id and the header's salt, so every
 * blob (and every rewrite of one) has its own key and the nonce counter can start at zero.
 * A KeyObject rather than a Buffer: node:crypto then skips re-importing the key per chunk,
 * which is most of the per-chunk cost.
 */
export function blobKey(caseKey: SecretKey, header: BlobHeader): KeyObject {
  return keyObjectOf(blobSubkey(caseKey, header));
}

/** The per-blob key as bytes, for a reader in another process (blob-sync-reader.ts). */
export function blobSubkey(caseKey: SecretKey, header: BlobHeader): SecretKey {
  return caseKey.derive(`custody/blob/v1/${header.id}/${header.salt.toString('hex')}`);
}

/** A KeyObject of `derived`, which is wiped: node:crypto keeps its own copy. */
export function keyObjectOf(derived: SecretKey): KeyObject {
  try {
    return createSecretKey(derived.use());
  } finally {
    derived.wipe();
  }
}

/** age STREAM nonce: 11-byte big-endian chunk counter, then 0x01 on the last chunk, else 0x00. */
function chunkNonce(index: number, last: boolean): Buffer {
  if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_CHUNKS) {
    throw new RangeError('Chunk counter out of range.');
  }
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Encrypts one chunk; returns [ciphertext, tag] so callers can writev them without a copy. */
export function sealChunk(
  key: KeyObject,
  header: BlobHeader,
  index: number,
  last: boolean,
  plaintext: Uint8Array,
): [Buffer, Buffer] {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(index, last));
  cipher.setAAD(header.bytes);
  const ciphertext = cipher.update(plaintext);
  cipher.final();
  return [ciphertext, cipher.getAuthTag()];
}

/** Decrypts one sealed chunk (ciphertext then tag); returns plaintext only once the tag verifies. */
export function openChunk(
  key: KeyObject,
  header: BlobHeader,
  index: number,
  last: boolean,
  sealed: Buffer,
): Buffer {
  if (sealed.length < TAG_BYTES)
    throw new BlobIntegrityError(header.id, `chunk ${index} is cut short`);
  const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(index, last));
  decipher.setAAD(header.bytes);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    decipher.final();
  } catch {
    plaintext.fill(0);
    throw new BlobIntegrityError(header.id, `chunk ${index} failed authentication`);
  }
  return plaintext;
}

export interface Layout {
  readonly plaintextSize: number;
  readonly chunkCount: number;
}

/**
 * Chunk count and plaintext size from the file size alone. Every chunk but the last is full and
 * the last holds 0 to 64 KiB - 1 bytes, so each plaintext size has exactly one file size.
 */
export function layoutFor(id: string, fileSize: number): Layout {
  const body = fileSize - HEADER_BYTES;
  const fullChunks = Math.floor(body / SEALED_CHUNK_BYTES);
  const lastSealed = body - fullChunks * SEALED_CHUNK_BYTES;
  if (body < 0 || lastSealed < TAG_BYTES) {
    throw new BlobIntegrityError(id, 'file size does not match the chunk layout');
  }
  const chunkCount = fullChunks + 1;
  return { plaintextSize: body - chunkCount * TAG_BYTES, chunkCount };
}

/** Byte offset in the file of sealed chunk `index`. */
export function chunkOffset(index: number): number {
  return HEADER_BYTES + index * SEALED_CHUNK_BYTES;
}
