// A gzip of one file that is not a tar (a log.txt.gz, a dump.sql.gz): its one member becomes the
// child, named by the name the gzip header stores (RFC 1952 FNAME), else the file's own name less
// '.gz'. Inflated as a stream and cut off at the same ratio and size limits as any archive, so a
// bomb stays whole and damaged with nothing of it unpacked.
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { emptyResult, type ExtractLimits, type ExtractResult } from '../extract-result.ts';
import { neutralisePath } from '../inner-path.ts';

export const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

const FLAG_EXTRA = 0x04;
const FLAG_NAME = 0x08;
const HEADER = 10;

interface GzipHeader {
  name: string | null;
  modifiedAt: string | null;
}

/** The stored name and time of the first member (ISO-8859-1 name, MTIME 0 means none). */
export function readGzipHeader(bytes: Uint8Array): GzipHeader {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < HEADER) return { name: null, modifiedAt: null };
  const flags = view[3] ?? 0;
  const mtime = view.readUInt32LE(4);
  const modifiedAt = mtime > 0 ? new Date(mtime * 1000).toISOString() : null;
  let at = HEADER;
  if (flags & FLAG_EXTRA) {
    if (at + 2 > view.length) return { name: null, modifiedAt };
    at += 2 + view.readUInt16LE(at);
  }
  if (!(flags & FLAG_NAME) || at >= view.length) return { name: null, modifiedAt };
  const end = view.indexOf(0, at);
  const name = view.subarray(at, end < 0 ? view.length : end).toString('latin1');
  return { name: name || null, modifiedAt };
}

/** What the member is called inside: the stored name, else the outer name less its .gz suffix. */
function memberName(stored: string | null, outer: string): string {
  const base = (stored ?? '').split(/[\\/]/).pop() ?? '';
  if (base) return neutralisePath(base);
  const fromOuter =
    outer
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.(gz|gzip|z)$/i, '') ?? '';
  return neutralisePath(fromOuter || 'decompressed');
}

/** Past an unpacking limit: the container is kept whole and damaged, nothing of it unpacked. */
export class OverLimit extends Error {}

/**
 * `bytes` gunzipped as a stream that fails with OverLimit(`what`) once more than `cap` bytes have
 * come out: a bomb is cut off at the limit, never inflated first. Used by the tar reader too.
 */
export function gunzipCapped(bytes: Uint8Array, cap: number, what: string): Readable {
  const raw = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  let seen = 0;
  gunzip.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > cap) gunzip.destroy(new OverLimit(what));
  });
  return raw.pipe(gunzip);
}

async function inflate(bytes: Uint8Array, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of gunzipCapped(
    bytes,
    cap,
    'the decompressed file is over the unpacking limits',
  ))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function extractBareGzip(
  bytes: Uint8Array,
  outerName: string,
  limits: ExtractLimits,
): Promise<ExtractResult> {
  const result = emptyResult('archive');
  result.mime = 'application/gzip';
  const header = readGzipHeader(bytes);
  const path = memberName(header.name, outerName);
  const cap = Math.min(
    limits.maxChildBytes,
    limits.maxTotalBytes,
    Math.max(bytes.length, 1) * limits.maxRatio,
  );
  try {
    const data = await inflate(bytes, cap);
    result.children.push({ path, bytes: new Uint8Array(data), modifiedAt: header.modifiedAt });
    result.facts = { members: 1, unpackedBytes: data.length, storedName: header.name };
  } catch (e) {
    result.children = [];
    result.damaged =
      e instanceof OverLimit
        ? `not unpacked: ${e.message} (gzip bomb limits)`
        : `the gzip is cut short or malformed: ${e instanceof Error ? e.message : String(e)}`;
  }
  return result;
}
