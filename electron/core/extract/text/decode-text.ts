// Plain text arrives in whatever encoding its writer's system used. A byte-order mark decides;
// valid UTF-8 is UTF-8; otherwise chardet ranks the 8-bit encodings and the first whose decoding
// holds no C1 control or undefined byte wins. chardet alone confuses Farsi in windows-1256 with
// ISO-8859-6 (measured: bench notes in docs/formats/text-layer.md), which lacks Farsi's پ چ ژ گ:
// those bytes are undefined there, so the check moves on to windows-1256.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding's name as chardet and iconv-lite spell it ('UTF-8', 'windows-1256', 'KOI8-R'). */
  encoding: string;
}

/** An 8-bit encoding's stricter ISO sibling, and the Windows superset tried in its place. */
const SUPERSET: Record<string, string> = {
  'ISO-8859-6': 'windows-1256',
  'ISO-8859-5': 'windows-1251',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-8': 'windows-1255',
};

/** What the reviewer may choose when detection was wrong. */
export const overrideEncodings = [
  'UTF-8',
  'UTF-16LE',
  'UTF-16BE',
  'windows-1256',
  'ISO-8859-6',
  'windows-1251',
  'KOI8-R',
  'windows-1252',
  'ISO-8859-1',
] as const;

// U+0080–U+009F are C1 controls no text holds; U+FFFD is a byte the encoding does not define.
const UNDEFINED = /[\u0080-\u009f\ufffd]/;

function bom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return { text: utf8(bytes.subarray(3)), encoding: 'UTF-8' };
  if (a === 0xff && b === 0xfe)
    return { text: decodeAs(bytes.subarray(2), 'UTF-16LE'), encoding: 'UTF-16LE' };
  if (a === 0xfe && b === 0xff)
    return { text: decodeAs(bytes.subarray(2), 'UTF-16BE'), encoding: 'UTF-16BE' };
  return null;
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** `bytes` decoded as `encoding` (any iconv-lite name); a byte-order mark is dropped. */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  const text = iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding,
  );
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

export function isKnownEncoding(encoding: string): boolean {
  return iconv.encodingExists(encoding);
}

/** The text and the encoding it was read in. */
export function detectAndDecode(bytes: Uint8Array): DecodedText {
  const marked = bom(bytes);
  if (marked) return marked;
  if (isUtf8(bytes)) return { text: utf8(bytes), encoding: 'UTF-8' };
  for (const { name } of chardet.analyse(bytes)) {
    for (const candidate of [name, SUPERSET[name]]) {
      if (!candidate || !iconv.encodingExists(candidate) || candidate.startsWith('UTF')) continue;
      const text = decodeAs(bytes, candidate);
      if (!UNDEFINED.test(text)) return { text, encoding: candidate };
    }
  }
  // Nothing fits cleanly: windows-1252 defines nearly every byte, so nothing is lost to U+FFFD.
  return { text: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252' };
}
