// Hash-list matching at scale: 10,000 items (eight dihedral PDQ hashes each) against 1,000,000
// list hashes through the multi-index, on random hashes and on clustered ones (a few bits flipped
// from a few thousand seeds, closer to real lists), against a full scan in the same run
// (`pdqIndexVsBruteForce`, aim ≥ 20×). The scan is timed on a sample of items and scaled (the
// output says how many; so does the index run, which stops after 90 s on a loaded machine). In the clustered run one item in ten is a near copy of a seed (evidence
// mostly does not match a list; the near ones each match hundreds of list hashes).
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
const VARIANTS = 8;
const SCAN_SAMPLE = 20;
/** The index run stops after this long (a loaded machine): the output says how many items it took. */
const INDEX_BUDGET_MS = 90_000;
const THRESHOLD = 31;
const NEAR_SHARE = 10;
const SEEDS = 3000;

function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const progress = (line: string) => process.stderr.write(`  hashlists: ${line}\n`);

/** `count` hashes as 64-hex strings, each made by `fill` into its eight 32-bit words. */
function hashes(count: number, fill: (words: Uint32Array, at: number) => void): string[] {
  const words = new Uint32Array(count * 8);
  for (let i = 0; i < count; i++) fill(words, i * 8);
  const hex = Buffer.from(words.buffer).toString('hex');
  return Array.from({ length: count }, (_, i) => hex.slice(i * 64, i * 64 + 64));
}

function generate(kind: 'random' | 'clustered'): { list: string[]; items: string[][] } {
  const next = generator(kind === 'random' ? 1 : 2);
  const seeds = new Uint32Array(SEEDS * 8).map(() => next());
  const random = (w: Uint32Array, at: number) => {
    for (let j = 0; j < 8; j++) w[at + j] = next();
  };
  const nearSeed = (w: Uint32Array, at: number) => {
    const s = (next() % SEEDS) * 8;
    for (let j = 0; j < 8; j++) w[at + j] = seeds[s + j]!;
    for (let b = next() % 16; b > 0; b--) {
      const bit = next() % 256;
      w[at + (bit >> 5)]! ^= 1 << (bit & 31);
    }
  };
  const list = hashes(LIST, kind === 'random' ? random : nearSeed);
  let n = 0;
  const itemHashes = hashes(ITEMS * VARIANTS, (w, at) =>
    // The first variant of one item in ten is a near copy; the other variants are its turns.
    kind === 'clustered' && n++ % (VARIANTS * NEAR_SHARE) === 0 ? nearSeed(w, at) : random(w, at),
  );
  const items = Array.from({ length: ITEMS }, (_, i) =>
    itemHashes.slice(i * VARIANTS, (i + 1) * VARIANTS),
  );
  return { list, items };
}

function measure(kind: 'random' | 'clustered') {
  const { list, items } = generate(kind);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const buildStart = performance.now();
  const index = new PdqIndex(list);
  const buildMs = performance.now() - buildStart;
  const mem = process.memoryUsage();
  const indexMiB = (mem.heapUsed + mem.arrayBuffers - heapBefore) / 2 ** 20;
  progress(`${kind}: index of ${LIST} built in ${round(buildMs, 0)} ms`);
  let hits = 0;
  let measured = 0;
  const start = performance.now();
  for (const variants of items) {
    for (const h of variants) hits += index.query(h, THRESHOLD).length;
    measured++;
    if (performance.now() - start > INDEX_BUDGET_MS) break;
  }
  const indexMsPerItem = (performance.now() - start) / measured;
  progress(`${kind}: ${measured} items through the index, ${round(indexMsPerItem, 3)} ms each`);
  let scanHits = 0;
  const scanStart = performance.now();
  for (const variants of items.slice(0, SCAN_SAMPLE))
    for (const h of variants) scanHits += index.scan(h, THRESHOLD).length;
  const scanMsPerItem = (performance.now() - scanStart) / SCAN_SAMPLE;
  let sampleHits = 0;
  for (const variants of items.slice(0, SCAN_SAMPLE))
    for (const h of variants) sampleHits += index.query(h, THRESHOLD).length;
  if (sampleHits !== scanHits) throw new Error(`index found ${sampleHits}, scan ${scanHits}`);
  progress(`${kind}: scan of ${SCAN_SAMPLE} items, ${round(scanMsPerItem, 1)} ms each`);
  return {
    listHashes: LIST,
    items: ITEMS,
    variantsPerItem: VARIANTS,
    threshold: THRESHOLD,
    buildMs: round(buildMs, 0),
    indexMiB: round(indexMiB, 0),
    msPerItem: round(indexMsPerItem, 3),
    indexMeasuredOn: `${measured} of ${ITEMS} items${measured < ITEMS ? ` (stopped after ${INDEX_BUDGET_MS / 1000} s)` : ''}`,
    bruteForceMsPerItem: round(scanMsPerItem, 2),
    bruteForceMeasuredOn: `${SCAN_SAMPLE} of ${ITEMS} items, scaled per item (the index agreed on them)`,
    pdqIndexVsBruteForce: round(scanMsPerItem / indexMsPerItem, 1),
    matchesFound: hits,
    matchesFoundIn: `${measured} items`,
    ...(kind === 'clustered' ? { nearCopies: `1 item in ${NEAR_SHARE}` } : {}),
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
