// PDQ hashes as text: 64 lowercase hex digits, the 256-bit big-endian integer whose bit k
// (counted from the least significant) is DCT coefficient k = row*16 + col. The reference
// stores it as sixteen 16-bit words, word i holding row i, and prints word 15 first.

export const PDQ_HEX_LENGTH = 64;
const WORDS = 16;
const HEX_RE = /^[0-9a-f]{64}$/i;

/** True when `value` is a well-formed PDQ hash (64 hex digits, either case). */
export function isPdqHex(value: string): boolean {
  return HEX_RE.test(value);
}

/** Sixteen 16-bit words (word i = bits i*16 .. i*16+15) to the reference's hex text. */
export function pdqHexFromWords(words: Uint16Array): string {
  if (words.length !== WORDS) throw new RangeError('A PDQ hash is sixteen 16-bit words.');
  let hex = '';
  for (let w = WORDS - 1; w >= 0; w--) hex += words[w]!.toString(16).padStart(4, '0');
  return hex;
}

/** The inverse of pdqHexFromWords; throws a RangeError on anything but 64 hex digits. */
export function pdqWordsFromHex(hex: string): Uint16Array {
  if (!isPdqHex(hex)) throw new RangeError('A PDQ hash is 64 hex digits.');
  const words = new Uint16Array(WORDS);
  for (let w = 0; w < WORDS; w++) {
    const at = (WORDS - 1 - w) * 4;
    words[w] = Number.parseInt(hex.slice(at, at + 4), 16);
  }
  return words;
}

/** The number of bit positions (0..256) in which two PDQ hashes differ. */
export function hammingDistance(a: string, b: string): number {
  const wa = pdqWordsFromHex(a);
  const wb = pdqWordsFromHex(b);
  let distance = 0;
  for (let w = 0; w < WORDS; w++) distance += popcount16(wa[w]! ^ wb[w]!);
  return distance;
}

function popcount16(x: number): number {
  let v = x - ((x >>> 1) & 0x5555);
  v = (v & 0x3333) + ((v >>> 2) & 0x3333);
  v = (v + (v >>> 4)) & 0x0f0f;
  return (v + (v >>> 8)) & 0x1f;
}
