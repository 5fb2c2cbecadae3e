// Hash-list matching at scale: 10,000 items (eight dihedral PDQ hashes each) against 1,000,000
// list hashes through the multi-index, on random hashes and on clustered ones (a few bits flipped
// from a few thousand seeds, closer to real lists), against a full scan in the same run
// (`pdqIndexVsBruteForce`, aim ≥ 20×). The scan is timed on a sample of items and scaled.
// Then the import throughput of a 1,000,000-line MD5 list, parsed and written in one transaction.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { PdqIndex } from '../electron/core/hashlists/pdq-index.ts';
import { CustodyCore } from '../electron/core/core.ts';
import { tempDir } from '../tests/helpers/temp.ts';
import { round, timed } from './measure.ts';

const LIST = 1_000_000;
const ITEMS = 10_000;
const SCAN_SAMPLE = 50;
const THRESHOLD = 31;

function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const hexOf = (words: Uint32Array) =>
  Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('');

function randomHash(next: () => number): Uint32Array {
  return Uint32Array.from({ length: 8 }, () => next());
}

function flipBits(h: Uint32Array, bits: number, next: () => number): Uint32Array {
  const out = h.slice();
  for (let i = 0; i < bits; i++) {
    const b = next() % 256;
    out[b >> 5]! ^= 1 << (b & 31);
  }
  return out;
}

function lists(kind: 'random' | 'clustered'): { list: string[]; items: string[][] } {
  const next = generator(kind === 'random' ? 1 : 2);
  const seeds = Array.from({ length: 3000 }, () => randomHash(next));
  const make = () =>
    kind === 'random'
      ? randomHash(next)
      : flipBits(seeds[next() % seeds.length]!, next() % 16, next);
  const list = Array.from({ length: LIST }, () => hexOf(make()));
  // Items: eight variants each; in the clustered set most items are near some seed (so near many
  // list hashes), as evidence from the same sources as a list is.
  const items = Array.from({ length: ITEMS }, () => Array.from({ length: 8 }, () => hexOf(make())));
  return { list, items };
}

function measure(kind: 'random' | 'clustered') {
  const { list, items } = lists(kind);
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const buildStart = performance.now();
  const index = new PdqIndex(list);
  const buildMs = performance.now() - buildStart;
  const mem = process.memoryUsage();
  const indexMiB = (mem.heapUsed + mem.arrayBuffers - heapBefore) / 2 ** 20;
  let hits = 0;
  const start = performance.now();
  for (const variants of items) for (const h of variants) hits += index.query(h, THRESHOLD).length;
  const indexMsPerItem = (performance.now() - start) / ITEMS;
  let scanHits = 0;
  const scanStart = performance.now();
  for (const variants of items.slice(0, SCAN_SAMPLE))
    for (const h of variants) scanHits += index.scan(h, THRESHOLD).length;
  const scanMsPerItem = (performance.now() - scanStart) / SCAN_SAMPLE;
  let sampleHits = 0;
  for (const variants of items.slice(0, SCAN_SAMPLE))
    for (const h of variants) sampleHits += index.query(h, THRESHOLD).length;
  if (sampleHits !== scanHits) throw new Error(`index found ${sampleHits}, scan ${scanHits}`);
  return {
    listHashes: LIST,
    items: ITEMS,
    variantsPerItem: 8,
    threshold: THRESHOLD,
    buildMs: round(buildMs, 0),
    indexMiB: round(indexMiB, 0),
    msPerItem: round(indexMsPerItem, 3),
    bruteForceMsPerItem: round(scanMsPerItem, 2),
    pdqIndexVsBruteForce: round(scanMsPerItem / indexMsPerItem, 1),
    matchesFound: hits,
  };
}

async function importThroughput() {
  const t = await tempDir('custody-bench-hashlists-');
  const core = new CustodyCore(join(t.path, 'vault'), { surface: 'bench' });
  try {
    await core.create('bench passphrase for hash lists');
    const lines: string[] = [];
    for (let i = 0; i < LIST; i++) lines.push(createHash('md5').update(String(i)).digest('hex'));
    const file = join(t.path, 'list.md5');
    await writeFile(file, lines.join('\n') + '\n');
    let added = 0;
    const ms = await timed(async () => {
      added = (
        await core.hashlists.import(file, {
          name: 'bench',
          format: 'md5',
          threshold: 31,
          knownIllegal: false,
          negative: false,
        })
      ).added;
    });
    return {
      lines: LIST,
      added,
      seconds: round(ms / 1000, 1),
      linesPerSecond: round(LIST / (ms / 1000), 0),
    };
  } finally {
    await core.close();
    await t.cleanup();
  }
}

export default async function bench(): Promise<Record<string, unknown>> {
  const random = measure('random');
  const clustered = measure('clustered');
  return {
    random,
    clustered,
    'hashlists.pdqIndexVsBruteForce': {
      random: random.pdqIndexVsBruteForce,
      clustered: clustered.pdqIndexVsBruteForce,
    },
    import1M: await importThroughput(),
  };
}
