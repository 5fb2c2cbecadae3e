// Ids are random, prefixed by what they name, and safe in file names, URLs and shells.
import { z } from 'zod';

export const caseIdSchema = z.string().regex(/^c_[a-z2-7]{16}$/, 'not a case id');
export const itemIdSchema = z.string().regex(/^i_[a-z2-7]{16}$/, 'not an item id');
export type CaseId = z.infer<typeof caseIdSchema>;
export type ItemId = z.infer<typeof itemIdSchema>;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** 80 random bits in lower-case base32. `random` supplies bytes (crypto in Node and in the browser). */
export function newId(prefix: 'c' | 'i', random: (n: number) => Uint8Array): string {
  const bytes = random(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `${prefix}_${out}`;
}
