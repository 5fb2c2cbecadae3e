// Reading a packet's ZIP for the verifier: a plain file through yauzl, or an age-encrypted one
// through a random-access reader that decrypts only the chunks asked for. Names are decoded here,
// not by yauzl, so an unsafe name becomes a named problem rather than an unreadable packet.
import { crc32 } from 'node:zlib';
import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { FileHashes, TwoCoreHasher } from '../crypto/multi-hash.ts';
import type { AgePayload } from './age-reader.ts';

export type ZipFile = yauzl.ZipFile;
export type ZipEntry = yauzl.Entry;

/**
 * A ZIP read through `range` (the verifier's own reads, never yauzl's file reader), closed by
 * `onClose`. yauzl's file reader reads 64 KiB at a time with one read in flight: its round trips
 * to the thread pool, not the disk, held the verifier back.
 */
class RangeZipReader extends yauzl.RandomAccessReader {
  readonly #range: (start: number, end: number) => AsyncIterable<Uint8Array>;
  readonly #onClose: () => Promise<void>;
  constructor(
    range: (start: number, end: number) => AsyncIterable<Uint8Array>,
    onClose: () => Promise<void>,
  ) {
    super();
    this.#range = range;
    this.#onClose = onClose;
  }
  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(this.#range(start, end), {
      objectMode: false,
      highWaterMark: FILE_READ_BYTES,
    });
  }
  override close(callback: (err: Error | null) => void): void {
    this.#onClose().then(
      () => callback(null),
      (e: unknown) => callback(e as Error),
    );
  }
}

const FILE_READ_BYTES = 1024 * 1024;

async function* fileRange(fh: FileHandle, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at < end;) {
    const want = Math.min(FILE_READ_BYTES, end - at);
    const { bytesRead, buffer } = await fh.read(Buffer.allocUnsafe(want), 0, want, at);
    if (bytesRead === 0) throw new Error('the file ended early');
    at += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

const options = { lazyEntries: true, autoClose: false, decodeStrings: false };

/** A plain packet, read 1 MiB at a time; the file handle is the caller's to close. */
export function openZipFile(fh: FileHandle, size: number): Promise<ZipFile> {
  const reader = new RangeZipReader(
    (start, end) => fileRange(fh, start, end),
    () => Promise.resolve(),
  );
  return yauzl.fromRandomAccessReaderPromise(reader, size, options);
}

/** An age packet, decrypting only the chunks asked for; closing the ZIP closes the payload. */
export function openAgeZip(payload: AgePayload): Promise<ZipFile> {
  const reader = new RangeZipReader(
    (start, end) => payload.range(start, end),
    () => payload.close(),
  );
  return yauzl.fromRandomAccessReaderPromise(reader, payload.size, options);
}

/** `length` bytes of the ZIP at `start` (fewer only at its end): its raw bytes, for the layout. */
export type ReadAt = (start: number, length: number) => Promise<Buffer>;

/** Raw bytes of the decrypted ZIP. */
export function ageReadAt(payload: AgePayload): ReadAt {
  return async (start, length) => {
    const end = Math.min(payload.size, start + length);
    if (start < 0 || start >= end) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    for await (const piece of payload.range(start, end)) parts.push(piece);
    return Buffer.concat(parts);
  };
}

/** Raw bytes of a plain ZIP file. */
export function fileReadAt(fh: FileHandle): ReadAt {
  return async (start, length) => {
    if (start < 0) return Buffer.alloc(0);
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(length), 0, length, start);
    return buffer.subarray(0, bytesRead);
  };
}

const UNICODE_PATH = 0x7075;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Info-ZIP's Unicode Path extra field (version 1): the name in UTF-8, if made from this raw name. */
function unicodePath(e: ZipEntry, raw: Buffer): string | null {
  for (const f of e.extraFields) {
    if (f.id !== UNICODE_PATH || f.data.length < 5 || f.data[0] !== 1) continue;
    // A field whose CRC is not that of the raw name was left by a tool that renamed the entry.
    if (f.data.readUInt32LE(1) !== crc32(raw)) continue;
    try {
      return utf8.decode(f.data.subarray(5));
    } catch {
      continue;
    }
  }
  return null;
}

/**
 * The entry's name as text: UTF-8 when flagged so (yazl always flags); else from an Info-ZIP
 * Unicode Path field; else UTF-8 if the bytes are UTF-8, which is what Info-ZIP's zip on Linux and
 * macOS stores, unflagged; else Latin-1. Path separators and dots are ASCII in every one of these,
 * so unsafeName judges the same bytes whichever way a recipient's unzip decodes them.
 */
export function entryName(e: ZipEntry): string {
  const raw = e.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  if ((e.generalPurposeBitFlag & 0x800) !== 0) return raw.toString('utf8');
  const unicode = unicodePath(e, raw);
  if (unicode !== null) return unicode;
  try {
    return utf8.decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

/** Why a name must not be extracted as it stands, or null when it is a plain relative path. */
export function unsafeName(name: string): string | null {
  if (name === '' || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.includes('\\')) return 'backslash in name';
  if (name.split('/').some((s) => s === '..')) return '".." in path';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  return null;
}

export function listEntries(zip: ZipFile): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    const out: ZipEntry[] = [];
    zip.on('entry', (e: ZipEntry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(out));
    zip.once('error', reject);
    zip.readEntry();
  });
}

export async function readEntry(zip: ZipFile, e: ZipEntry, max: number): Promise<Buffer> {
  if (e.uncompressedSize > max) throw new RangeError(`${entryName(e)} is too large`);
  const parts: Buffer[] = [];
  for await (const piece of await zip.openReadStreamPromise(e)) parts.push(piece as Buffer);
  return Buffer.concat(parts);
}

export type Digests = FileHashes & { size: number };

/** SHA-256, SHA-1 and MD5 of the entry's bytes, in one pass. */
export async function digestEntry(
  zip: ZipFile,
  e: ZipEntry,
  hasher: TwoCoreHasher,
): Promise<Digests> {
  const { bytes, ...hashes } = await hasher.hash(await zip.openReadStreamPromise(e));
  return { ...hashes, size: bytes };
}

export function closeZip(zip: ZipFile): void {
  zip.close();
}
