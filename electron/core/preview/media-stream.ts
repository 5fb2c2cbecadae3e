// custody://preview/<item>/stream → a video or audio item's decrypted bytes, for <video>/<audio>,
// only while the playback service allows it (playback.ts decides; this only asks). HTTP Range is
// answered from the seekable blob format: only the chunks under the range are read and decrypted,
// in memory, so no decrypted copy ever reaches the disk and a seek costs one range.
import { Readable } from 'node:stream';
import type { CustodyCore } from '../core.ts';
import { itemIdSchema } from '../../../shared/domain/ids.ts';

/** The most one ranged answer carries: a player asking `bytes=0-` gets this much and asks on. */
export const MAX_RANGE_BYTES = 4 * 1024 * 1024;

const streamHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Accept-Ranges': 'bytes',
};

const refuse = (status: number, reason: string, extra: Record<string, string> = {}) =>
  new Response(reason, {
    status,
    headers: { ...streamHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });

/** The item a stream address names (`…/<item>/stream`), or null when it is not one. */
export function parseStreamPath(url: string): string | null {
  const all = new URL(url).pathname.split('/').filter(Boolean);
  if (all.at(-1) !== 'stream') return null;
  const id = itemIdSchema.safeParse(all.at(-2));
  return id.success ? id.data : null;
}

export type ByteRange = { start: number; end: number };

/**
 * One `bytes=` range of RFC 9110 against `size` bytes, clipped to `max` bytes: null without a
 * header, 'bad' for anything this server will not satisfy (several ranges, malformed, past the end).
 */
export function parseRange(
  header: string | null,
  size: number,
  max = MAX_RANGE_BYTES,
): ByteRange | null | 'bad' {
  if (header === null) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'bad';
  let start: number;
  let end: number;
  if (m[1] === '') {
    // A suffix: the last n bytes.
    const n = Number(m[2]);
    if (n === 0) return 'bad';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return 'bad';
  }
  if (!Number.isSafeInteger(start) || start >= size) return 'bad';
  return { start, end: Math.min(end, start + max - 1) };
}

export async function streamMedia(
  core: CustodyCore,
  itemId: string,
  request: Request,
): Promise<Response> {
  let vault;
  try {
    vault = core.vault();
  } catch {
    return refuse(403, 'locked');
  }
  if (!core.playback.allows(itemId)) return refuse(403, 'not playing');
  const row = vault.db
    .prepare('SELECT case_id AS caseId, original_blob AS blobId, mime FROM items WHERE id = ?')
    .get(itemId) as { caseId: string; blobId: string; mime: string } | undefined;
  if (!row) return refuse(404, 'no such item');
  const size = await vault.blobs.plaintextSize(row.blobId);
  const range = parseRange(request.headers.get('Range'), size);
  if (range === 'bad')
    return refuse(416, 'range not satisfiable', { 'Content-Range': `bytes */${size}` });
  const key = vault.caseKey(row.caseId);
  if (range === null) {
    // No range: the whole recording as a stream of verified chunks, never held whole in memory.
    const body = Readable.toWeb(vault.blobs.createReadStream(key, row.blobId)) as ReadableStream;
    return new Response(body, {
      headers: { ...streamHeaders, 'Content-Type': row.mime, 'Content-Length': String(size) },
    });
  }
  const length = range.end - range.start + 1;
  const bytes = await vault.blobs.readRange(key, row.blobId, range.start, length);
  return new Response(new Uint8Array(bytes), {
    status: 206,
    headers: {
      ...streamHeaders,
      'Content-Type': row.mime,
      'Content-Length': String(length),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
  });
}
