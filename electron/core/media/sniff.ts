// The type of a file comes from its first bytes, never from its name: evidence arrives renamed,
// truncated or disguised, and the decoder chosen must match what the bytes are.
import { open } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import type { ItemKind } from '../../../shared/domain/item.ts';
import { sniffText, startsWithBom, type TextHints } from './text-type.ts';
import { sniffWrittenBytes } from '../extract/written-sniff.ts';
import { isTarHeader } from '../extract/archive/tar-header.ts';

/** What the bytes are, as an item kind; the extractor registry reads the content by it. */
export type SniffKind = ItemKind;

export interface Sniffed {
  mime: string;
  ext: string;
  kind: SniffKind;
}

/** Enough for every image signature file-type knows; the rest of the file is never read here. */
export const SNIFF_BYTES = 16 * 1024;

const UNKNOWN: Sniffed = { mime: 'application/octet-stream', ext: 'bin', kind: 'opaque' };

// What our sharp policy decodes. SVG and PDF are documents that can script or fetch, so they stay
// opaque evidence even though they can look like images.
const DECODABLE_MIMES = new Set([
  'image/jpeg',
  'image/png',
  'image/apng',
  'image/webp',
  'image/gif',
  'image/tiff',
  'image/avif',
]);
const HEIF_MIMES = new Set([
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
]);

// HEIF is always decodable: AVIF by libvips, HEVC by libheif in WebAssembly (heic-pixels.ts).
function isDecodable(mime: string): boolean {
  return DECODABLE_MIMES.has(mime) || HEIF_MIMES.has(mime);
}

const ARCHIVE_MIMES = new Set([
  'application/zip',
  'application/x-tar',
  'application/x-7z-compressed',
  'application/x-rar-compressed',
  'application/vnd.rar',
  'application/gzip',
]);
const DOCUMENT_MIMES = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/msword',
  'application/rtf',
]);

/** The kind of a binary format file-type recognised. */
function kindOfFound(mime: string): SniffKind {
  if (isDecodable(mime)) return 'image';
  if (ARCHIVE_MIMES.has(mime)) return 'archive';
  if (DOCUMENT_MIMES.has(mime)) return 'document';
  if (mime === 'application/pdf') return 'pdf';
  if (mime === 'message/rfc822') return 'email';
  if (mime === 'application/xml' || mime === 'text/xml') return 'text';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'opaque';
}

const TIFF: Sniffed = { mime: 'image/tiff', ext: 'tif', kind: 'image' };
const TAR: Sniffed = { mime: 'application/x-tar', ext: 'tar', kind: 'archive' };

/**
 * file-type confirms a TIFF by reading its first directory, which may lie anywhere in the file,
 * past the sniffed head. The 4-byte header (byte order, then 42, or 43 for BigTIFF) is enough to
 * hand the file to sharp, which decides whether it is a TIFF it can decode.
 */
function isTiffHeader(head: Uint8Array): boolean {
  const [a, b, c, d] = head;
  if (a === 0x49 && b === 0x49) return (c === 0x2a || c === 0x2b) && d === 0x00;
  if (a === 0x4d && b === 0x4d) return c === 0x00 && (d === 0x2a || d === 0x2b);
  return false;
}

/**
 * Sniffs the head of a file (only the first SNIFF_BYTES are looked at). `hints` give the name and
 * whether the head is the whole file, used only to say which kind of text a text file is.
 */
export async function sniffBytes(bytes: Uint8Array, hints: TextHints = {}): Promise<Sniffed> {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length === 0) return UNKNOWN;
  // A tar's first 100 bytes are its first member's name, chosen by whoever made it ('WARC/1.0',
  // 'MIME-Version: 1.0'): its header is checked before any text-led sniff.
  if (isTarHeader(head)) return TAR;
  const textHints = { ...hints, complete: hints.complete === true && bytes.length <= SNIFF_BYTES };
  // A byte-order mark that decodes as text is text: UTF-16's FF FE would otherwise pass for an
  // MPEG audio frame sync.
  if (startsWithBom(head)) {
    const text = sniffText(head, textHints);
    if (text) return text;
  }
  const written = sniffWrittenBytes(head);
  if (written) return written;
  const found = await fileTypeFromBuffer(head);
  if (!found) return (isTiffHeader(head) ? TIFF : sniffText(head, textHints)) ?? UNKNOWN;
  return { mime: found.mime, ext: found.ext, kind: kindOfFound(found.mime) };
}

/** Reads at most SNIFF_BYTES from the start of the file at `path` and sniffs them. */
export async function sniffFile(path: string): Promise<Sniffed> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const { size } = await handle.stat();
    return await sniffBytes(buffer.subarray(0, bytesRead), {
      name: path,
      complete: bytesRead === size,
    });
  } finally {
    await handle.close();
  }
}
