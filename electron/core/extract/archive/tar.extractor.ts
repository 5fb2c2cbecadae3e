// tar archives (ustar, pax, GNU), bare or gzip-compressed, read by tar-stream from memory inside
// the decode process. Regular members become children (the archive stays the parent); names are
// neutralised, so '../' or '/etc' names are labels, never paths. Links and devices are never
// followed or created: each is recorded as skipped with the reason. Bombs are bounded on the bytes
// actually inflated, not the sizes the headers declare: the gzip output against the ratio to the
// archive's size and the total left (shared with every level above, through limits.maxTotalBytes),
// each member, and the count. A tar cut short keeps the members read before the cut and is damaged.
// A gzip that holds no tar is one compressed file (gzip.extractor.ts).
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { extract as tarExtract, type Header } from 'tar-stream';
import {
  emptyResult,
  type ExtractLimits,
  type Extractor,
  type ExtractResult,
} from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { neutralisePath } from '../inner-path.ts';
import { extractBareGzip } from './gzip.extractor.ts';

class OverLimit extends Error {}

/** Not a tar after all: a gzip of one other file, read as such. */
class NotTar extends Error {}

export interface SkippedMember {
  path: string;
  type: Header['type'];
  reason: string;
}

const USTAR_OFFSET = 257;
const BLOCK = 512;

export const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** 'ustar' at offset 257 (POSIX "ustar\0" and GNU "ustar  " alike). */
export function hasUstarMagic(bytes: Uint8Array): boolean {
  if (bytes.length < USTAR_OFFSET + 5) return false;
  return Buffer.from(bytes.subarray(USTAR_OFFSET, USTAR_OFFSET + 5)).toString('latin1') === 'ustar';
}

const SKIP_REASONS: Partial<Record<Header['type'], string>> = {
  symlink: 'a symbolic link: never followed',
  link: 'a hard link: never followed',
  'character-device': 'a device node: never created',
  'block-device': 'a device node: never created',
  fifo: 'a named pipe: never created',
};

/** Counts what flows through and fails the stream once more than `cap` bytes have. */
function capped(source: Readable, cap: number, what: string): Readable {
  let seen = 0;
  source.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > cap) source.destroy(new OverLimit(what));
  });
  return source;
}

/** The bytes as a tar stream: gunzipped (streaming, capped) when they are gzip. */
function tarStream(bytes: Uint8Array, limits: ExtractLimits): Readable {
  const raw = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  if (!isGzip(bytes)) return raw;
  const cap = Math.min(limits.maxTotalBytes, Math.max(bytes.length, 1) * limits.maxRatio);
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return capped(raw.pipe(gunzip), cap, 'the decompressed tar is over the unpacking limits');
}

/** The first block must be a tar header: its magic, or (old v7 tars) a valid checksum. */
function looksLikeTarHeader(block: Buffer): boolean {
  if (hasUstarMagic(block)) return true;
  const stored = parseInt(block.subarray(148, 156).toString('latin1').replace(/\0.*$/, ''), 8);
  if (!Number.isFinite(stored)) return false;
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += block[i] ?? 0;
  return sum === stored;
}

/** Passes the stream on, after checking that what it starts with is a tar header. */
async function* checkedTar(stream: Readable): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let checked = false;
  for await (const chunk of stream) {
    if (checked) {
      yield chunk as Buffer;
      continue;
    }
    head = Buffer.concat([head, chunk as Buffer]);
    if (head.length < BLOCK) continue;
    if (!looksLikeTarHeader(head.subarray(0, BLOCK))) throw new NotTar('no tar header inside');
    checked = true;
    yield head;
  }
  // Less than one header block in all: no tar can be read from it.
  if (!checked) throw new NotTar('no tar header inside');
}

async function readMember(
  entry: AsyncIterable<Buffer>,
  declared: number,
  cap: number,
): Promise<Buffer> {
  // The declared size is checked first (cheap), the bytes read always.
  if (declared > cap) throw new OverLimit('a member is over the unpacking limits');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += chunk.length;
    if (size > cap) throw new OverLimit('a member is over the unpacking limits');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function unpack(bytes: Uint8Array, limits: ExtractLimits, result: ExtractResult) {
  const skipped: SkippedMember[] = [];
  let total = 0;
  let members = 0;
  const facts = () => ({ members, unpackedBytes: total, skipped });
  const extract = tarExtract();
  const input = Readable.from(checkedTar(tarStream(bytes, limits)));
  input.on('error', (e) => extract.destroy(e));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const { header } = entry;
      const path = neutralisePath(header.name);
      if (header.type === 'directory') {
        entry.resume();
        continue;
      }
      members++;
      const skip = SKIP_REASONS[header.type];
      if (skip) {
        skipped.push({ path, type: header.type, reason: skip });
        entry.resume();
        continue;
      }
      if (result.children.length >= limits.maxChildren) {
        throw new OverLimit(`more than ${limits.maxChildren} members`);
      }
      const cap = Math.min(limits.maxChildBytes, limits.maxTotalBytes - total);
      const data = await readMember(entry as AsyncIterable<Buffer>, header.size, cap);
      total += data.length;
      const mtime = header.mtime;
      result.children.push({
        path,
        bytes: new Uint8Array(data),
        modifiedAt:
          mtime instanceof Date && !Number.isNaN(mtime.getTime()) ? mtime.toISOString() : null,
      });
    }
  } finally {
    result.facts = facts();
    input.destroy();
  }
}

export const extractTar: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  const result = emptyResult('archive');
  result.mime = isGzip(bytes) ? 'application/gzip' : 'application/x-tar';
  try {
    await unpack(bytes, limits, result);
  } catch (e) {
    if (e instanceof OverLimit) {
      // A bomb: nothing of it is unpacked; the archive itself stays, whole and hashed.
      result.children = [];
      result.damaged = `not unpacked: ${e.message} (tar bomb limits)`;
    } else if (e instanceof NotTar) {
      return extractBareGzip(bytes, source.name, limits);
    } else {
      // Cut short or malformed: what was read before the fault stays, and the fault is said.
      const reason = e instanceof Error ? e.message : String(e);
      result.damaged = `the tar is cut short or malformed after ${result.children.length} members: ${reason}`;
    }
  }
  return result;
};
