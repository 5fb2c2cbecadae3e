// Phase one of a file's ingest: open it safely, sniff its type, and stream it through the hashes
// (on the hashing thread, while this one encrypts) and into an encrypted blob in one pass. The blob is left uncommitted for the caller to keep or
// drop once it knows whether these bytes are already in the case.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { BlobWriter } from '../blobs/index.ts';
import { sniffBytes, SNIFF_BYTES, type Sniffed } from '../media/sniff.ts';
import { hasExtractor } from '../extract/index.ts';
import type { FileHashes } from '../crypto/multi-hash.ts';
import { ThreadHasher } from '../crypto/hash-thread.ts';
import type { WalkFile } from './walk.ts';
import { describeFileError, FileFailure, throwIfCancelled } from './ingest-context.ts';
import type { IngestContext } from './ingest-context.ts';

/**
 * Images and readable documents are read into memory once, so the bytes hashed are the bytes
 * decoded or read; larger ones stream, and are kept whole without being read.
 */
export const IN_MEMORY_MAX = 256 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;
/**
 * The file may have been swapped since the walk: without O_NONBLOCK, opening a FIFO waits for a
 * writer forever (and a device may block too). The type is checked on the opened handle.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

export interface SealedFile {
  size: number;
  sniffed: Sniffed;
  hashes: FileHashes;
  /** The whole file, for an image or document small enough to read from memory; else null. */
  bytes: Buffer | null;
  /** Holds the encrypted original, not yet committed. */
  writer: BlobWriter;
  /** Why the content cannot be read, known from its first bytes already; else null. */
  damaged: string | null;
  /** The source file as it was when sealed, for a video too large to hold (read in ranges). */
  onDisk: { path: string; size: number; mtimeMs: number } | null;
}

/** A file whose content ingest reads (decodes or extracts), so it is held in memory once. */
function isReadable(sniffed: Sniffed): boolean {
  return sniffed.kind === 'image' || hasExtractor(sniffed.kind);
}

const DAMAGED_IMAGE = 'a damaged image: it has image structures but no valid signature';

export type ReadOutcome = { sealed: SealedFile } | { refused: string };

/**
 * Bytes that file-type cannot place but that carry an image format's inner markers: a PNG whose
 * signature was mangled in transit, a JPEG without its start marker. They are kept as damaged
 * images: keeping them as plain opaque items would hide that. Unknown bytes without such markers
 * stay opaque evidence.
 */
function looksLikeDamagedImage(head: Buffer): boolean {
  const start = head.subarray(0, 64);
  return (
    start.includes('IHDR') ||
    (start.includes('PNG') && start.indexOf('PNG') < 4) ||
    start.includes('JFIF') ||
    (start[0] === 0xff && start[1] === 0xd8)
  );
}

async function readHead(fh: FileHandle, size: number): Promise<Buffer> {
  const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  return head.subarray(0, bytesRead);
}

/**
 * Streams the file through the hashes and the blob writer in one pass. An image is read into one
 * buffer of its size (the bytes hashed are the bytes decoded, with no copy and little garbage);
 * anything else streams in 1 MiB reads, so a huge file never sits in memory.
 */
async function hashAndEncrypt(
  fh: FileHandle,
  expectedSize: number,
  writer: BlobWriter,
  keep: boolean,
  signal: AbortSignal,
): Promise<{ hashes: FileHashes; bytes: Buffer | null }> {
  const hasher = new ThreadHasher();
  const whole = keep ? Buffer.allocUnsafe(expectedSize) : null;
  let position = 0;
  try {
    for (;;) {
      throwIfCancelled(signal);
      const room = whole ? Math.min(READ_CHUNK, expectedSize - position) : READ_CHUNK;
      // One byte past the expected end tells a file that grew while being read.
      const buf =
        whole && room > 0
          ? whole.subarray(position, position + room)
          : Buffer.allocUnsafe(Math.max(room, 1));
      const { bytesRead } = await fh.read(buf, 0, buf.length, position);
      if (bytesRead === 0) break;
      if (whole && room === 0)
        throw new FileFailure('the file changed size while it was being read');
      const chunk = buf.subarray(0, bytesRead);
      position += bytesRead;
      await hasher.update(chunk);
      await writer.write(chunk);
    }
    if (position !== expectedSize)
      throw new FileFailure('the file changed size while it was being read');
    return { hashes: await hasher.digest(), bytes: whole };
  } finally {
    hasher.drop();
  }
}

const DAMAGED_SNIFF: Sniffed = { mime: 'application/octet-stream', ext: 'bin', kind: 'image' };

function damagedFromHead(sniffed: Sniffed, head: Buffer): string | null {
  return sniffed.mime === 'application/octet-stream' && looksLikeDamagedImage(head)
    ? DAMAGED_IMAGE
    : null;
}

/**
 * A file found inside another (an attachment, an archive member), already in memory: sniffed,
 * hashed and sealed into an uncommitted blob like a file from disk.
 */
export async function sealBytes(
  ctx: IngestContext,
  bytes: Uint8Array,
  name: string,
): Promise<SealedFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buffer.subarray(0, SNIFF_BYTES);
  const sniffed = await sniffBytes(head, { name, complete: head.length === buffer.length });
  const damaged = damagedFromHead(sniffed, head);
  const writer = ctx.vault.blobs.openWriter(ctx.caseKey);
  try {
    const hasher = new ThreadHasher();
    let hashes: FileHashes;
    try {
      for (let at = 0; at < buffer.length; at += READ_CHUNK) {
        throwIfCancelled(ctx.signal);
        const chunk = buffer.subarray(at, at + READ_CHUNK);
        await hasher.update(chunk);
        await writer.write(chunk);
      }
      hashes = await hasher.digest();
    } finally {
      hasher.drop();
    }
    const keep = !damaged && isReadable(sniffed);
    return {
      size: buffer.length,
      sniffed: damaged ? DAMAGED_SNIFF : sniffed,
      hashes,
      bytes: keep ? buffer : null,
      writer,
      damaged,
      onDisk: null,
    };
  } catch (e) {
    await writer.abort().catch(() => undefined);
    throw e;
  }
}

/** The file as sealed, its path as text for the decode process; null for a name not UTF-8. */
function onDisk(path: Buffer | string, size: number, mtimeMs: number): SealedFile['onDisk'] {
  const text = typeof path === 'string' ? path : path.toString('utf8');
  if (typeof path !== 'string' && !Buffer.from(text, 'utf8').equals(path)) return null;
  return { path: text, size, mtimeMs };
}

/** Reads the file into an uncommitted blob, or says why it is refused. Aborts its blob if it throws. */
export async function readAndSeal(ctx: IngestContext, file: WalkFile): Promise<ReadOutcome> {
  let fh: FileHandle;
  try {
    fh = await open(file.path, OPEN_FLAGS);
  } catch (e) {
    return { refused: describeFileError(e) };
  }
  let writer: BlobWriter | null = null;
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { refused: 'not a regular file (device, pipe or socket)' };
    if (st.size === 0) return { refused: 'the file is empty (0 bytes)' };
    const head = await readHead(fh, st.size);
    const sniffed = await sniffBytes(head, {
      name: file.displayPath,
      complete: head.length === st.size,
    });
    const damaged = damagedFromHead(sniffed, head);
    const keep = !damaged && isReadable(sniffed) && st.size <= (ctx.inMemoryMax ?? IN_MEMORY_MAX);
    writer = ctx.vault.blobs.openWriter(ctx.caseKey);
    const { hashes, bytes } = await hashAndEncrypt(fh, st.size, writer, keep, ctx.signal);
    const sealed = {
      size: st.size,
      sniffed: damaged ? DAMAGED_SNIFF : sniffed,
      hashes,
      bytes,
      writer,
      damaged,
      onDisk: onDisk(file.path, st.size, st.mtimeMs),
    };
    writer = null;
    return { sealed };
  } finally {
    await writer?.abort().catch(() => undefined);
    await fh.close().catch(() => undefined);
  }
}
