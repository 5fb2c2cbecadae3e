// tar archives (ustar, pax, GNU), bare or gzip-compressed, read by tar-stream from memory inside
// the decode process. Regular members become children (the archive stays the parent); names are
// neutralised, so '../' or '/etc' names are labels, never paths. Links and devices are never
// followed or created: each is recorded as skipped with the reason. Bombs are bounded on the bytes
// actually inflated, not the sizes the headers declare: the gzip output against the ratio to the
// archive's size and the total left (shared with every level above, through limits.maxTotalBytes),
// each member, and the count. A tar cut short keeps the members read before the cut and is damaged.
// A gzip that holds no tar is one compressed file (gzip.extractor.ts).
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
import { OverLimit, extractBareGzip, gunzipCapped, isGzip } from './gzip.extractor.ts';
import { TAR_BLOCK, isTarHeader } from './tar-header.ts';

/** Not a tar after all: a gzip of one other file, read as such. */
class NotTar extends Error {}

export interface SkippedMember {
  path: string;
  type: Header['type'];
  reason: string;
}

const SKIP_REASONS: Partial<Record<Header['type'], string>> = {
  symlink: 'a symbolic link: never followed',
  link: 'a hard link: never followed',
  'character-device': 'a device node: never created',
  'block-device': 'a device node: never created',
  fifo: 'a named pipe: never created',
};

/** The bytes as a tar stream: gunzipped (streaming, capped) when they are gzip. */
function tarStream(bytes: Uint8Array, limits: ExtractLimits): Readable {
  if (!isGzip(bytes)) {
    return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  }
  const cap = Math.min(limits.maxTotalBytes, Math.max(bytes.length, 1) * limits.maxRatio);
  return gunzipCapped(bytes, cap, 'the decompressed tar is over the unpacking limits');
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
    if (head.length < TAR_BLOCK) continue;
    if (!isTarHeader(head.subarray(0, TAR_BLOCK))) throw new NotTar('no tar header inside');
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
  // v7 tars have no magic: their header checksum was checked first (isTarHeader). tar-stream reads
  // this option (extract.js) though its typings leave it out.
  const options = { allowUnknownFormat: true } as unknown as Parameters<typeof tarExtract>[0];
  const extract = tarExtract(options);
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
