// Key material has its own type so it cannot be logged, stringified or compared by accident.
// Never log the key. Never convert it to a string. `wipe()` overwrites the bytes in place.
import { hkdfSync, randomBytes, createCipheriv, createDecipheriv } from 'node:crypto';
import { inspect } from 'node:util';

export const KEY_BYTES = 32;

export class SecretKey {
  #bytes: Buffer;
  #wiped = false;

  private constructor(bytes: Buffer) {
    if (bytes.length !== KEY_BYTES) throw new RangeError('A key is 32 bytes.');
    this.#bytes = bytes;
  }

  /** Takes ownership of `bytes`: the caller must not keep or reuse the buffer. */
  static adopt(bytes: Buffer): SecretKey {
    return new SecretKey(bytes);
  }

  static random(): SecretKey {
    return new SecretKey(randomBytes(KEY_BYTES));
  }

  /** The raw bytes, for handing to a cipher. Throws once wiped. */
  use(): Buffer {
    if (this.#wiped) throw new Error('This key has been wiped.');
    return this.#bytes;
  }

  /** A subkey bound to `info` (HKDF-SHA-256); distinct infos give independent keys. */
  derive(info: string): SecretKey {
    return new SecretKey(
      Buffer.from(hkdfSync('sha256', this.use(), Buffer.alloc(0), info, KEY_BYTES)),
    );
  }

  get wiped(): boolean {
    return this.#wiped;
  }

  wipe(): void {
    this.#bytes.fill(0);
    this.#wiped = true;
  }

  toString(): string {
    return '[SecretKey]';
  }
  toJSON(): string {
    return '[SecretKey]';
  }
  [inspect.custom](): string {
    return '[SecretKey]';
  }
}

/** Wraps one key under another: AES-256-GCM, 12-byte random nonce, `aad` bound. Output nonce|ct|tag. */
export function wrapKey(kek: SecretKey, key: SecretKey, aad: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.use(), nonce);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(key.use()), cipher.final()]);
  return Buffer.concat([nonce, ct, cipher.getAuthTag()]);
}

/** Reverses wrapKey; returns null when the wrapping key or the aad is wrong, or the bytes changed. */
export function unwrapKey(kek: SecretKey, wrapped: Buffer, aad: string): SecretKey | null {
  if (wrapped.length !== 12 + KEY_BYTES + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', kek.use(), wrapped.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(12 + KEY_BYTES));
  try {
    return SecretKey.adopt(
      Buffer.concat([decipher.update(wrapped.subarray(12, 12 + KEY_BYTES)), decipher.final()]),
    );
  } catch {
    return null;
  }
}
