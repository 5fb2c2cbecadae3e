// Which web capture a file is, from its first bytes: for ingest's sniffing (to give it kind 'web')
// and for the extractor (to pick the reader).
import { gunzipSync } from 'node:zlib';

export type WebCaptureFormat = 'html' | 'mhtml' | 'warc' | 'wacz';

const latin1 = (bytes: Uint8Array, n: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.length)).toString('latin1');

/** The capture format, or null when these bytes are none of them. */
export function webCaptureFormat(bytes: Uint8Array): WebCaptureFormat | null {
  const head = latin1(bytes, 4096);
  if (head.startsWith('PK\u0003\u0004')) {
    // WACZ: a ZIP whose members include datapackage.json and archive/*.warc(.gz); every name is
    // in the central directory at the end.
    const names = Buffer.from(bytes.subarray(Math.max(0, bytes.length - (1 << 16)))).toString(
      'latin1',
    );
    return /datapackage\.json/.test(names) && /archive\/[^/]*\.warc/.test(names) ? 'wacz' : null;
  }
  if (head.startsWith('WARC/1.')) return 'warc';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const first = gunzipSync(bytes.subarray(0, 1 << 16), { finishFlush: 2 }).subarray(0, 8);
      return first.toString('latin1').startsWith('WARC/1.') ? 'warc' : null;
    } catch {
      return null;
    }
  }
  if (/^(?:[\w-]+:[^\n]*\r?\n)+/.test(head) && /content-type:\s*multipart\/related/i.test(head)) {
    return 'mhtml';
  }
  if (
    /^\s*(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(
      head,
    )
  ) {
    return 'html';
  }
  return null;
}
