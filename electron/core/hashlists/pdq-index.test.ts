// The multi-index must answer exactly as a full scan does: every hash within the threshold, no
// other. Checked on random hashes, on clustered ones (a few bits flipped from shared seeds, as real
// lists are), and on the worst case the pigeonhole argument allows (31 bits spread over all slots).
import { describe, expect, it } from 'vitest';
import { PdqIndex } from './pdq-index.ts';

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (bits: Uint8Array) =>
  Array.from({ length: 64 }, (_, i) => {
    let n = 0;
    for (let b = 0; b < 4; b++) n = (n << 1) | (bits[i * 4 + b] ?? 0);
    return n.toString(16);
  }).join('');

function randomBits(next: () => number): Uint8Array {
  return Uint8Array.from({ length: 256 }, () => (next() < 0.5 ? 1 : 0));
}

function flip(bits: Uint8Array, positions: readonly number[]): Uint8Array {
  const out = bits.slice();
  for (const p of positions) out[p] = 1 - (out[p] ?? 0);
  return out;
}

const sorted = (hits: Array<{ index: number; distance: number }>) =>
  hits.toSorted((a, b) => a.index - b.index);

describe('PdqIndex', () => {
  it('finds exactly what a scan finds, on random and on clustered hashes', () => {
    const next = random(13);
    const seeds = Array.from({ length: 200 }, () => randomBits(next));
    const random5k = Array.from({ length: 5000 }, () => randomBits(next));
    const clustered = Array.from({ length: 5000 }, (_, i) =>
      flip(
        seeds[i % seeds.length]!,
        Array.from({ length: Math.floor(next() * 24) }, () => Math.floor(next() * 256)),
      ),
    );
    let hits = 0;
    for (const set of [random5k, clustered]) {
      const index = new PdqIndex(set.map(hex));
      for (let q = 0; q < 100; q++) {
        const near = flip(
          set[q * 37]!,
          Array.from({ length: q % 40 }, () => Math.floor(next() * 256)),
        );
        for (const t of [31, 47]) {
          const found = sorted(index.query(hex(near), t));
          expect(found).toEqual(sorted(index.scan(hex(near), t)));
          hits += found.length;
        }
      }
    }
    expect(hits).toBeGreaterThan(200);
  });

  it('finds a hash 31 bits away when every slot differs (two bits in 15 slots, one in the 16th)', () => {
    const base = randomBits(random(7));
    const positions = Array.from({ length: 16 }, (_, slot) =>
      slot < 15 ? [slot * 16, slot * 16 + 1] : [slot * 16],
    ).flat();
    expect(positions).toHaveLength(31);
    const index = new PdqIndex([hex(base), hex(randomBits(random(8)))]);
    expect(index.query(hex(flip(base, positions)), 31)).toEqual([{ index: 0, distance: 31 }]);
  });
});
