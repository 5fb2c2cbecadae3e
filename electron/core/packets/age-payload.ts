// age's payload (age-encryption.org/v1, "Payload"): STREAM over 64 KiB chunks, each sealed with
// node:crypto's ChaCha20-Poly1305 under a key derived from the file key and a 16-byte nonce; a
// chunk's nonce is its 11-byte big-endian counter and a last-chunk flag. The sealer here and the
// reader (age-reader.ts) share these pieces, so both sides build nonces and keys one way.
import {
  createCipheriv,
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

export const CHUNK = 64 * 1024;
export const TAG = 16;
export const SEALED = CHUNK + TAG;
export const PAYLOAD_NONCE = 16;

/** The payload key: HKDF-SHA-256, the file key as input, the payload nonce as salt, "payload". */
export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

/** Chunk `index`'s nonce: the counter in bytes 0..10 (big-endian), byte 11 set on the last chunk. */
export function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // 2^48 chunks of 64 KiB is far past any file; the counter's upper bytes stay zero.
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/**
 * Plaintext in, `prefix` (the age header) then the payload nonce and sealed chunks out. A full
 * chunk is held back until more bytes arrive, since only the end of the input says which chunk is
 * last: so the last chunk is never empty unless the whole plaintext is (age refuses an empty last
 * chunk after a full one). Full chunks are sealed straight from the caller's bytes when they line
 * up; only the pieces across chunk borders are copied.
 */
export class PayloadSealer extends Transform {
  // A KeyObject made once: a raw key given to createCipheriv is imported again for every chunk.
  readonly #key: KeyObject;
  readonly #staging = Buffer.alloc(CHUNK);
  #fill = 0;
  #index = 0;

  constructor(fileKey: Uint8Array, prefix: Uint8Array) {
    super();
    const nonce = randomBytes(PAYLOAD_NONCE);
    const key = payloadKey(fileKey, nonce);
    this.#key = createSecretKey(key);
    key.fill(0);
    this.push(Buffer.concat([prefix, nonce]));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let offset = 0;
    while (offset < chunk.length) {
      const remaining = chunk.length - offset;
      if (this.#fill === CHUNK) {
        // More bytes follow, so the staged chunk is not the last.
        this.#seal(this.#staging, false);
        this.#fill = 0;
      }
      if (this.#fill === 0 && remaining > CHUNK) {
        this.#seal(chunk.subarray(offset, offset + CHUNK), false);
        offset += CHUNK;
        continue;
      }
      const take = Math.min(CHUNK - this.#fill, remaining);
      chunk.copy(this.#staging, this.#fill, offset, offset + take);
      this.#fill += take;
      offset += take;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.#seal(this.#staging.subarray(0, this.#fill), true);
    this.#wipe();
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.#wipe();
    done(error);
  }

  #seal(plaintext: Buffer, last: boolean): void {
    const cipher = createCipheriv('chacha20-poly1305', this.#key, chunkNonce(this.#index, last), {
      authTagLength: TAG,
    });
    this.#index += 1;
    const sealed = cipher.update(plaintext);
    cipher.final();
    this.push(sealed);
    this.push(cipher.getAuthTag());
  }

  #wipe(): void {
    this.#staging.fill(0);
  }
}
