// Telling a tar by its first 512-byte header block. POSIX and GNU tars carry 'ustar' at offset 257;
// the old v7 format has no magic at all, only a checksum over the block (the sum of its bytes with
// the checksum field counted as spaces), which text and other formats do not match by chance.
const USTAR_OFFSET = 257;
export const TAR_BLOCK = 512;
const CHECKSUM = { from: 148, to: 156 };

/** 'ustar' at offset 257 (POSIX "ustar\0" and GNU "ustar  " alike). */
export function hasUstarMagic(bytes: Uint8Array): boolean {
  if (bytes.length < USTAR_OFFSET + 5) return false;
  return Buffer.from(bytes.subarray(USTAR_OFFSET, USTAR_OFFSET + 5)).toString('latin1') === 'ustar';
}

/** The first block is a tar header: its magic, or (v7) a checksum that adds up. */
export function isTarHeader(bytes: Uint8Array): boolean {
  if (hasUstarMagic(bytes)) return true;
  if (bytes.length < TAR_BLOCK) return false;
  const field = Buffer.from(bytes.subarray(CHECKSUM.from, CHECKSUM.to)).toString('latin1');
  const digits = field.replace(/\0.*$/s, '').trim();
  if (!/^[0-7]+$/.test(digits)) return false;
  let sum = (CHECKSUM.to - CHECKSUM.from) * 0x20;
  for (let i = 0; i < TAR_BLOCK; i++) {
    if (i < CHECKSUM.from || i >= CHECKSUM.to) sum += bytes[i] ?? 0;
  }
  return sum === parseInt(digits, 8);
}
