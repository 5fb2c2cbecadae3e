// A rough strength estimate to guide, not to police: the real protection is Argon2id's cost per
// guess. It counts characters that add surprise (not repeats or runs like "aaaa" or "1234") times
// the bits each can carry, and knocks off well-known words.

export const MIN_PASSPHRASE_LENGTH = 12;

export type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'strong' | 'very-strong';

export interface Strength {
  level: StrengthLevel;
  /** 0 to 4, for the meter. */
  score: number;
  acceptable: boolean;
}

const common = ['password', 'passphrase', 'qwerty', '123456', 'letmein', 'custody', 'admin'];

function alphabetSize(text: string): number {
  let size = 0;
  if (/[a-z]/.test(text)) size += 26;
  if (/[A-Z]/.test(text)) size += 26;
  if (/[0-9]/.test(text)) size += 10;
  if (/[^\p{L}\p{N}]/u.test(text)) size += 33;
  // Arabic, Persian, Cyrillic and other scripts: each letter comes from a larger alphabet.
  if (/[^\p{ASCII}]/u.test(text)) size += 40;
  return Math.max(size, 1);
}

/** Characters that are neither a repeat nor the next step of a run (abc, 321). */
function surprisingLength(chars: string[]): number {
  let n = 0;
  for (let i = 0; i < chars.length; i++) {
    const here = chars[i]?.codePointAt(0) ?? 0;
    const prev = i > 0 ? (chars[i - 1]?.codePointAt(0) ?? -9) : -9;
    if (Math.abs(here - prev) > 1) n += 1;
    else n += 0.25;
  }
  return n;
}

export function estimateBits(passphrase: string): number {
  let text = passphrase.normalize('NFC');
  for (const word of common) text = text.replaceAll(new RegExp(word, 'gi'), '§');
  const chars = [...text];
  return surprisingLength(chars) * Math.log2(alphabetSize(text));
}

export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  let level: StrengthLevel;
  if (length < MIN_PASSPHRASE_LENGTH) level = 'too-short';
  else {
    const bits = estimateBits(passphrase);
    level = bits < 50 ? 'weak' : bits < 70 ? 'fair' : bits < 90 ? 'strong' : 'very-strong';
  }
  const score = ['too-short', 'weak', 'fair', 'strong', 'very-strong'].indexOf(level);
  return { level, score, acceptable: level !== 'too-short' };
}
