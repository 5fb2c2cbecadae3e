// WARC (ISO 28500, versions 1.0 and 1.1), as Webrecorder, Browsertrix, wget and Bellingcat's
// auto-archiver write it: a sequence of records, each a header block and a Content-Length block,
// gzipped whole or record by record. Response records hold an HTTP message; resource records the
// bare file. Only what a reader needs is kept: target URI, date, media type and payload.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ExtractLimits } from '../extract-result.ts';

export interface WarcRecord {
  type: string;
  targetUri: string | null;
  date: string | null;
  /** The payload's media type (from the HTTP headers for responses), lower-cased, or null. */
  mediaType: string | null;
  charset: string | null;
  /** The HTTP status of a response record, or null. */
  status: number | null;
  payload: Uint8Array;
  headers: Map<string, string>;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export interface WarcReading {
  records: WarcRecord[];
  /** Why reading stopped before the end (a record cut short, a broken header), or null. */
  problem: string | null;
}

/** Every record up to the end, or up to the first one that cannot be read. */
export function readWarc(input: Uint8Array, limits: ExtractLimits): WarcReading {
  // zlib reads every gzip member in turn; the output is capped like any unpacking.
  const bytes = isGzip(input)
    ? new Uint8Array(gunzipSync(input, { maxOutputLength: limits.maxTotalBytes }))
    : input;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const records: WarcRecord[] = [];
  let at = 0;
  while (at < buf.length && records.length < limits.maxChildren) {
    const start = buf.indexOf('WARC/', at, 'latin1');
    if (start < 0) break;
    const headEnd = buf.indexOf('\r\n\r\n', start, 'latin1');
    if (headEnd < 0) return { records, problem: `WARC record at byte ${start} is cut short` };
    const headers = headerMap(buf.subarray(start, headEnd).toString('utf8').split('\r\n').slice(1));
    const length = Number(headers.get('content-length'));
    if (!Number.isSafeInteger(length) || length < 0) {
      return { records, problem: `WARC record at byte ${start} has no valid Content-Length` };
    }
    const blockStart = headEnd + 4;
    if (blockStart + length > buf.length) {
      return { records, problem: `WARC record at byte ${start} is cut short` };
    }
    records.push(record(headers, buf.subarray(blockStart, blockStart + length)));
    at = blockStart + length;
  }
  return { records, problem: null };
}

function record(headers: Map<string, string>, block: Buffer): WarcRecord {
  const type = (headers.get('warc-type') ?? '').toLowerCase();
  const base = {
    type,
    targetUri: headers.get('warc-target-uri')?.replace(/^<|>$/g, '') ?? null,
    date: isoDate(headers.get('warc-date')),
    headers,
  };
  if (type === 'response' && /application\/http/i.test(headers.get('content-type') ?? '')) {
    return { ...base, ...httpMessage(block) };
  }
  const contentType = headers.get('content-type') ?? null;
  return {
    ...base,
    mediaType: contentType?.split(';')[0]!.trim().toLowerCase() ?? null,
    charset: charsetOf(contentType),
    status: null,
    payload: new Uint8Array(block),
  };
}

function httpMessage(block: Buffer) {
  const headEnd = block.indexOf('\r\n\r\n', 0, 'latin1');
  const head = block.subarray(0, headEnd < 0 ? block.length : headEnd).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const http = headerMap(lines);
  let body: Buffer = headEnd < 0 ? Buffer.alloc(0) : block.subarray(headEnd + 4);
  if (/chunked/i.test(http.get('transfer-encoding') ?? '')) body = dechunk(body);
  body = decoded(body, http.get('content-encoding'));
  const contentType = http.get('content-type') ?? null;
  return {
    mediaType: contentType?.split(';')[0]!.trim().toLowerCase() ?? null,
    charset: charsetOf(contentType),
    status: Number(/^HTTP\/\S+\s+(\d{3})/.exec(statusLine)?.[1] ?? NaN) || null,
    payload: new Uint8Array(body),
  };
}

/** Payloads are usually stored as sent; a body still compressed is opened, or kept as stored. */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  try {
    switch ((encoding ?? '').trim().toLowerCase()) {
      case 'gzip':
        return isGzip(body) ? gunzipSync(body) : body;
      case 'deflate':
        return inflateSync(body);
      case 'br':
        return brotliDecompressSync(body);
      default:
        return body;
    }
  } catch {
    return body;
  }
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) break;
    const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  // Not chunked after all (the archiver already joined it): keep the body as stored.
  return parts.length > 0 ? Buffer.concat(parts) : body;
}

function headerMap(lines: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!map.has(name)) map.set(name, line.slice(colon + 1).trim());
  }
  return map;
}

function charsetOf(contentType: string | null): string | null {
  return /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

function isoDate(raw: string | undefined): string | null {
  const t = raw ? Date.parse(raw) : NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
