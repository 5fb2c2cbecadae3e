// Multi-index hashing for PDQ (Meta's design, ThreatExchange pdq/README-MIH.md): the 256 bits
// are cut into 16 slots of 16 bits. Two hashes within distance d differ in at most floor(d/16)
// bits of some slot (pigeonhole), so probing every slot value within that many bits of the
// query's finds every hash within d: 17 probes per slot at d ≤ 31. Each slot is a counting-sort
// table (offsets into one id array), so a million hashes cost about 100 MB and build in a pass.
import { pdqWordsFromHex } from '../media/pdq/index.ts';

const SLOTS = 16;
const KEYS = 1 << 16;
const POPCOUNT = new Uint8Array(KEYS);
for (let i = 1; i < KEYS; i++) POPCOUNT[i] = (POPCOUNT[i >> 1] ?? 0) + (i & 1);

/** Bits apart of hash `a` at word offset `ai` and `b` at `bi` (16 words each); stops past `limit`. */
function distanceWords(
  a: Uint16Array,
  ai: number,
  b: Uint16Array,
  bi: number,
  limit: number,
): number {
  let d = 0;
  for (let w = 0; w < SLOTS; w++) {
    d += POPCOUNT[(a[ai + w] ?? 0) ^ (b[bi + w] ?? 0)] ?? 0;
    if (d > limit) return d;
  }
  return d;
}

/** Every 16-bit value within `radius` bits of `key`. */
function neighbours(key: number, radius: number, out: number[]): void {
  out.length = 0;
  out.push(key);
  if (radius >= 1) for (let i = 0; i < 16; i++) out.push(key ^ (1 << i));
  if (radius >= 2)
    for (let i = 0; i < 16; i++)
      for (let j = i + 1; j < 16; j++) out.push(key ^ (1 << i) ^ (1 << j));
  if (radius >= 3)
    for (let i = 0; i < 16; i++)
      for (let j = i + 1; j < 16; j++)
        for (let k = j + 1; k < 16; k++) out.push(key ^ (1 << i) ^ (1 << j) ^ (1 << k));
}

export interface PdqHit {
  /** Position of the hash in the order it was given to the index. */
  index: number;
  distance: number;
}

export class PdqIndex {
  readonly size: number;
  readonly #words: Uint16Array;
  readonly #offsets: Uint32Array[];
  readonly #ids: Uint32Array[];
  readonly #seen: Uint32Array;
  #stamp = 0;
  readonly #probe: number[] = [];

  /** `hashes`: 64-hex PDQ strings (checked by the importer). */
  constructor(hashes: readonly string[]) {
    this.size = hashes.length;
    this.#words = new Uint16Array(this.size * SLOTS);
    hashes.forEach((h, i) => this.#words.set(pdqWordsFromHex(h), i * SLOTS));
    this.#offsets = [];
    this.#ids = [];
    for (let s = 0; s < SLOTS; s++) {
      const offsets = new Uint32Array(KEYS + 1);
      for (let i = 0; i < this.size; i++) offsets[(this.#words[i * SLOTS + s] ?? 0) + 1]!++;
      for (let k = 0; k < KEYS; k++) offsets[k + 1]! += offsets[k]!;
      const fill = offsets.slice(0, KEYS);
      const ids = new Uint32Array(this.size);
      for (let i = 0; i < this.size; i++) ids[fill[this.#words[i * SLOTS + s] ?? 0]!++] = i;
      this.#offsets.push(offsets);
      this.#ids.push(ids);
    }
    this.#seen = new Uint32Array(this.size);
  }

  /** Every indexed hash within `threshold` bits of `hex`. */
  query(hex: string, threshold: number): PdqHit[] {
    const q = pdqWordsFromHex(hex);
    const radius = Math.min(3, Math.floor(threshold / SLOTS));
    if (++this.#stamp === 0xffffffff) {
      this.#seen.fill(0);
      this.#stamp = 1;
    }
    const stamp = this.#stamp;
    const hits: PdqHit[] = [];
    for (let s = 0; s < SLOTS; s++) {
      neighbours(q[s] ?? 0, radius, this.#probe);
      const offsets = this.#offsets[s]!;
      const ids = this.#ids[s]!;
      for (const key of this.#probe) {
        for (let p = offsets[key]!, end = offsets[key + 1]!; p < end; p++) {
          const i = ids[p]!;
          if (this.#seen[i] === stamp) continue;
          this.#seen[i] = stamp;
          const d = distanceWords(q, 0, this.#words, i * SLOTS, threshold);
          if (d <= threshold) hits.push({ index: i, distance: d });
        }
      }
    }
    return hits;
  }

  /** The same answer by comparing with every hash: the benchmark's baseline and the tests' oracle. */
  scan(hex: string, threshold: number): PdqHit[] {
    const q = pdqWordsFromHex(hex);
    const hits: PdqHit[] = [];
    for (let i = 0; i < this.size; i++) {
      const d = distanceWords(q, 0, this.#words, i * SLOTS, threshold);
      if (d <= threshold) hits.push({ index: i, distance: d });
    }
    return hits;
  }
}
