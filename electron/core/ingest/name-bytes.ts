// File names are bytes. Seized media carry names in Latin-1, Shift-JIS and other legacy encodings
// that are not valid UTF-8; decoding them as UTF-8 turns bytes into U+FFFD and the file can no
// longer be opened by that name. So the walk keeps paths as raw bytes, and people see a lossless
// escaped form: a path component that is valid UTF-8 is shown as it is; one that is not shows each
// byte above 0x7F as \xHH (and a backslash as \\), so 'caf\xE9.jpg' is Latin-1 "café.jpg".

const utf8 = new TextDecoder('utf-8', { fatal: true });
const SLASH = 0x2f;
const BACKSLASH = 0x5c;

/** A path as raw bytes in a JS string, one char per byte, for path arithmetic on any bytes. */
export const bytesToBinary = (bytes: Buffer): string => bytes.toString('latin1');
export const binaryToBytes = (binary: string): Buffer => Buffer.from(binary, 'latin1');
/** A path the user gave (a JS string) in the same one-char-per-byte form, as its UTF-8 bytes. */
export const textToBinary = (text: string): string => bytesToBinary(Buffer.from(text, 'utf8'));

function displayComponent(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    let out = '';
    for (const b of bytes) {
      if (b === BACKSLASH) out += '\\\\';
      else if (b > 0x7f) out += `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
      else out += String.fromCharCode(b);
    }
    return out;
  }
}

/** The name as shown to people: each '/'-separated component decoded, or escaped if not UTF-8. */
export function displayPathFromBytes(bytes: Buffer): string {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === SLASH) {
      parts.push(displayComponent(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  return parts.join('/');
}

/** Whether `bytes` is valid UTF-8 throughout, so its text alone keeps the name. */
export function isPlainName(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
