// Random-access reading of an age-encrypted packet, so the verifier can open the ZIP inside (whose
// directory sits at its end) without writing the decrypted packet anywhere. The age payload is
// STREAM: 64 KiB plaintext chunks, each ChaCha20-Poly1305 under a key derived from the file key and
// a 16-byte nonce, the chunk's nonce its 11-byte big-endian counter and a last-chunk flag. Every
// chunk is authenticated before any of it is used. The payload's size is known only once its last
// chunk is: so opening reads and authenticates that chunk first (flagged last, not empty unless
// it is the only one), and a truncated, extended or re-chunked file is refused before any byte of
// it is released. Spec: age-encryption.org/v1; tested against C2SP's CCTV vectors.
import { createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Decrypter } from 'age-encryption';
import { CustodyError, InvalidInputError } from '../errors.ts';
import { CHUNK, PAYLOAD_NONCE, SEALED, TAG, chunkNonce, payloadKey } from './age-payload.ts';

export const AGE_MAGIC = 'age-encryption.org/v1\n';
const ARMOR_MAGIC = '-----BEGIN AGE ENCRYPTED FILE-----';
const MAX_HEADER = 1024 * 1024;

/** The payload was altered, truncated or extended: tampering, unlike a header that does not open. */
export class AgePayloadError extends CustodyError {
  constructor(message: string) {
    super('BLOB_INTEGRITY', message);
  }
}

export interface AgeKeys {
  /** age identity strings (AGE-SECRET-KEY-1...). */
  identities: string[];
  passphrase?: string | undefined;
}

export type Sniffed = 'age' | 'age-armored' | 'other';

export async function sniffAge(path: string): Promise<Sniffed> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(40), 0, 40, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    if (head.startsWith(AGE_MAGIC)) return 'age';
    return head.startsWith(ARMOR_MAGIC) ? 'age-armored' : 'other';
  } finally {
    await fh.close();
  }
}

/** Lines of an age identity file: keys, with comments and blank lines skipped. */
export function parseIdentityFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith('AGE-SECRET-KEY-'));
}

/** One sealed chunk, authenticated with its counter and last-chunk flag; never released otherwise. */
async function readChunk(
  fh: FileHandle,
  key: KeyObject,
  start: number,
  sealedSize: number,
  index: number,
  isLast: boolean,
): Promise<Buffer> {
  const offset = index * SEALED;
  const length = Math.min(SEALED, sealedSize - offset);
  const { buffer, bytesRead } = await fh.read(Buffer.alloc(length), 0, length, start + offset);
  try {
    if (bytesRead !== length || length < TAG) throw new Error('short chunk');
    const d = createDecipheriv('chacha20-poly1305', key, chunkNonce(index, isLast), {
      authTagLength: TAG,
    });
    d.setAuthTag(buffer.subarray(length - TAG));
    return Buffer.concat([d.update(buffer.subarray(0, length - TAG)), d.final()]);
  } catch {
    throw new AgePayloadError(
      `The encrypted packet was altered or truncated (chunk ${index} fails its check).`,
    );
  }
}

async function readHeader(fh: FileHandle, fileSize: number): Promise<Buffer> {
  let have = Buffer.alloc(0);
  while (have.length < Math.min(fileSize, MAX_HEADER)) {
    const want = Math.min(16 * 1024, fileSize - have.length);
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(want), 0, want, have.length);
    if (bytesRead === 0) break;
    have = Buffer.concat([have, buffer.subarray(0, bytesRead)]);
    const mac = have.indexOf('\n--- ');
    const end = mac < 0 ? -1 : have.indexOf('\n', mac + 1);
    if (end >= 0) return have.subarray(0, end + 1);
  }
  throw new InvalidInputError('The age header of the packet is damaged.');
}

export class AgePayload {
  readonly size: number;
  readonly #fh: FileHandle;
  readonly #key: KeyObject;
  readonly #start: number;
  readonly #sealedSize: number;
  readonly #chunks: number;
  #cached: { index: number; data: Buffer };

  private constructor(
    fh: FileHandle,
    key: KeyObject,
    start: number,
    sealedSize: number,
    last: { index: number; data: Buffer },
  ) {
    this.#fh = fh;
    this.#key = key;
    this.#start = start;
    this.#sealedSize = sealedSize;
    this.#chunks = last.index + 1;
    this.#cached = last;
    this.size = last.index * CHUNK + last.data.length;
  }

  /** Opens the payload after its 16-byte nonce: the last chunk is authenticated here. */
  static async open(
    fh: FileHandle,
    key: KeyObject,
    start: number,
    sealedSize: number,
  ): Promise<AgePayload> {
    if (sealedSize === 0) throw new AgePayloadError('The encrypted packet has no payload.');
    const index = Math.ceil(sealedSize / SEALED) - 1;
    const length = sealedSize - index * SEALED;
    if (length < TAG)
      throw new AgePayloadError('The encrypted packet is truncated inside its last chunk.');
    const data = await readChunk(fh, key, start, sealedSize, index, true);
    if (data.length === 0 && index > 0)
      throw new AgePayloadError('The encrypted packet ends in an empty chunk.');
    return new AgePayload(fh, key, start, sealedSize, { index, data });
  }

  async #chunk(index: number): Promise<Buffer> {
    if (this.#cached.index === index) return this.#cached.data;
    const data = await readChunk(
      this.#fh,
      this.#key,
      this.#start,
      this.#sealedSize,
      index,
      index === this.#chunks - 1,
    );
    this.#cached = { index, data };
    return data;
  }

  /** Plaintext bytes [start, end). */
  async *range(start: number, end: number): AsyncGenerator<Buffer> {
    for (let pos = start; pos < end;) {
      const index = Math.floor(pos / CHUNK);
      const data = await this.#chunk(index);
      const from = pos - index * CHUNK;
      const to = Math.min(data.length, end - index * CHUNK);
      if (to <= from) throw new AgePayloadError('Read past the packet end.');
      yield data.subarray(from, to);
      pos += to - from;
    }
  }

  close(): Promise<void> {
    return this.#fh.close();
  }
}

/** Opens the payload of an age file with the given identities or passphrase. */
export async function openAgePayload(path: string, keys: AgeKeys): Promise<AgePayload> {
  if (keys.identities.length === 0 && !keys.passphrase)
    throw new InvalidInputError(
      'The packet is encrypted (age). Give --identity FILE, or a passphrase in CUSTODY_PACKET_PASSPHRASE or --packet-passphrase-file.',
    );
  const fh = await open(path, 'r');
  try {
    const fileSize = (await fh.stat()).size;
    const header = await readHeader(fh, fileSize);
    let fileKey: Uint8Array;
    try {
      const decrypter = new Decrypter();
      for (const id of keys.identities) decrypter.addIdentity(id);
      if (keys.passphrase) decrypter.addPassphrase(keys.passphrase);
      fileKey = await decrypter.decryptHeader(header);
    } catch {
      throw new InvalidInputError(
        'The packet is encrypted, and the identity or passphrase given does not open it.',
      );
    }
    const { buffer: nonce, bytesRead } = await fh.read(
      Buffer.alloc(PAYLOAD_NONCE),
      0,
      PAYLOAD_NONCE,
      header.length,
    );
    if (bytesRead !== PAYLOAD_NONCE) {
      fileKey.fill(0);
      throw new InvalidInputError('The age header of the packet is damaged (no payload nonce).');
    }
    // A KeyObject made once, as the sealer does: a raw key is imported again for every chunk.
    const raw = payloadKey(fileKey, nonce);
    const key = createSecretKey(raw);
    raw.fill(0);
    fileKey.fill(0);
    const start = header.length + PAYLOAD_NONCE;
    return await AgePayload.open(fh, key, start, fileSize - start);
  } catch (e) {
    await fh.close();
    throw e;
  }
}
