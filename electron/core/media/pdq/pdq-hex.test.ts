import { describe, expect, it } from 'vitest';
import { readFixtureTsv } from '../../../../tests/helpers/pdq.ts';
import { hammingDistance, isPdqHex, pdqHexFromWords, pdqWordsFromHex } from './pdq-hex.ts';

const BRIDGE = 'd8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22';

function flipBit(hex: string, k: number): string {
  const words = pdqWordsFromHex(hex);
  words[k >> 4] = words[k >> 4]! ^ (1 << (k & 15));
  return pdqHexFromWords(words);
}

describe('PDQ hex', () => {
  it('round-trips every reference hash through words', () => {
    for (const row of readFixtureTsv('CPP_REFERENCE_ALL.tsv')) {
      expect(pdqHexFromWords(pdqWordsFromHex(row.pdq_hex!))).toBe(row.pdq_hex);
    }
  });

  it('prints word 15 first and word 0 last, four digits each', () => {
    const words = new Uint16Array(16);
    words[0] = 0x0001;
    words[15] = 0xabcd;
    expect(pdqHexFromWords(words)).toBe(`abcd${'0'.repeat(56)}0001`);
    expect(pdqWordsFromHex(BRIDGE)[15]).toBe(0xd8f8);
    expect(pdqWordsFromHex(BRIDGE)[0]).toBe(0x9b22);
  });

  it('reads upper case as the same hash and rejects anything but 64 hex digits', () => {
    expect(hammingDistance(BRIDGE.toUpperCase(), BRIDGE)).toBe(0);
    expect(isPdqHex(BRIDGE)).toBe(true);
    for (const bad of [
      BRIDGE.slice(1),
      `${BRIDGE}0`,
      `${BRIDGE.slice(1)}g`,
      '',
      ` ${BRIDGE.slice(1)}`,
    ]) {
      expect(isPdqHex(bad)).toBe(false);
      expect(() => pdqWordsFromHex(bad)).toThrow(RangeError);
      expect(() => hammingDistance(bad, BRIDGE)).toThrow(RangeError);
    }
    expect(() => pdqHexFromWords(new Uint16Array(15))).toThrow(RangeError);
  });
});

describe('hammingDistance', () => {
  it('counts each flipped bit once, at every position', () => {
    let hash = BRIDGE;
    for (let k = 0; k < 256; k++) {
      expect(hammingDistance(flipBit(BRIDGE, k), BRIDGE)).toBe(1);
      hash = flipBit(hash, k);
      expect(hammingDistance(hash, BRIDGE)).toBe(k + 1);
    }
  });

  it('is symmetric, and reproduces the distances between published and reference hashes', () => {
    const complement = pdqHexFromWords(pdqWordsFromHex(BRIDGE).map((w) => w ^ 0xffff));
    expect(hammingDistance(BRIDGE, complement)).toBe(256);
    const cli = new Map(
      readFixtureTsv('CPP_REFERENCE_ALL.tsv').map((r) => [r.filename, r.pdq_hex]),
    );
    const published = readFixtureTsv('PUBLISHED.tsv');
    expect(published.length).toBeGreaterThan(60);
    for (const row of published) {
      const reference = cli.get(row.filename)!;
      expect(hammingDistance(row.pdq_hex!, reference)).toBe(Number(row.hamming_to_cpp_ref));
      expect(hammingDistance(reference, row.pdq_hex!)).toBe(Number(row.hamming_to_cpp_ref));
    }
  });
});
