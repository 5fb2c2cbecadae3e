// Custody's whole ingest (walk, sniff, three hashes, encryption, out-of-process decode, PDQ, six
// previews, blob writes, one transaction and custody entries per item) into a fresh vault.
// - throughput: 12-megapixel JPEGs, items/s, against three baselines on the same files in the
//   same run, each with as many files in flight as the decode pool has workers: the decode floor
//   (each file decoded once, shrunk on load, nothing else), the essential floor (what no ingest
//   can skip: fixtures.ts essentialFloor) and eight naive previews.
// - memory: peak RSS of this process and of the decode workers, sampled, while ingesting a small
//   batch and a batch ten times larger of small distinct JPEGs; flat means a ratio near 1.
// - responsiveness: event-loop delay (max, p99) during the large batch.
// - reveal: from a preview request, after unveiling, to the decrypted screen image's bytes; and
//   each item's first screen outline, which is made on that request (derived-previews.ts).
// Sizes scale with CUSTODY_BENCH_SCALE (e.g. 0.1 for a quick run).
process.env['CUSTODY_TEST_WEAK_KDF'] = '1';

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CustodyCore } from '../electron/core/core.ts';
import { createCase } from '../electron/core/cases/case.service.ts';
import { startIngest } from '../electron/core/ingest/ingest.service.ts';
import { createPreviewHandler } from '../electron/core/preview/preview-handler.ts';
import { freshCore, unveilTo } from '../tests/helpers/vault.ts';
import {
  decodeFloor,
  essentialFloor,
  inLanes,
  makeCameraJpegs,
  makeSmallJpegs,
  naiveEightPreviews,
} from './fixtures.ts';
import { round, timed } from './measure.ts';

const SCALE = Number(process.env['CUSTODY_BENCH_SCALE'] ?? '1') || 1;
const scaled = (n: number, least: number): number => Math.max(least, Math.round(n * SCALE));
const CAMERA_FILES = scaled(16, 4);
const SMALL_BATCH = scaled(100, 10);
const LARGE_BATCH = scaled(1000, 20);
const REVEALS = scaled(200, 20);
const RUNS = 3;
/** The decode pool's default size; the baselines keep as many files in flight. */
const IN_FLIGHT = Math.min(2, availableParallelism());
const SAMPLE_MS = 10;
const LOOP_RESOLUTION_MS = 10;
/** Linux reports a process's CPU time in ticks of 1/100 s (USER_HZ). */
const CLOCK_TICK_MS = 10;

type Cost = Awaited<ReturnType<typeof measured>>;

interface Vault {
  core: CustodyCore;
  cleanup: () => Promise<void>;
}

/** Ingests `files` into a new case of `vault`; fails loudly if any file did not become an item. */
async function ingest(vault: Vault, files: string[]): Promise<string[]> {
  const c = createCase(vault.core.vault(), { title: 'Bench', kind: 'other' });
  const run = startIngest(vault.core.vault(), vault.core.decoder(), c.id, files, () => {});
  const results = await run.finished;
  const ids = results.flatMap((r) => (r.status === 'ingested' && r.item ? [r.item.id] : []));
  if (ids.length !== files.length) {
    const failed = results.find((r) => r.status !== 'ingested');
    throw new Error(`ingested ${ids.length} of ${files.length}: ${failed?.reason ?? 'unknown'}`);
  }
  return ids;
}

/** The decode workers (and any other child) of this process, from /proc where there is one. */
async function children(): Promise<string[]> {
  const list = await readFile(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').catch(
    () => '',
  );
  return list.split(/\s+/).filter(Boolean);
}

/** Resident set of this process's children, in bytes. */
async function childrenRss(): Promise<number> {
  let total = 0;
  for (const pid of await children()) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kib = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    if (kib) total += Number(kib) * 1024;
  }
  return total;
}

/** CPU time (user + system) of this process and, separately, of its live children, in ms. */
async function cpuMs(): Promise<{ main: number; children: number }> {
  const { user, system } = process.cpuUsage();
  let ticks = 0;
  for (const pid of await children()) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the parenthesised name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return { main: (user + system) / 1000, children: ticks * CLOCK_TICK_MS };
}

/** Wall and CPU milliseconds of `work`. */
async function measured(work: () => Promise<unknown>) {
  const before = await cpuMs();
  const wall = await timed(work);
  const after = await cpuMs();
  return { wall, main: after.main - before.main, children: after.children - before.children };
}

/** Peak RSS of this process and of its children while `work` runs, sampled every SAMPLE_MS. */
async function peakRss(work: () => Promise<unknown>) {
  const start = process.memoryUsage.rss();
  let main = start;
  let workers = await childrenRss();
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    main = Math.max(main, process.memoryUsage.rss());
    sampling = sampling.then(async () => {
      workers = Math.max(workers, await childrenRss());
    });
  }, SAMPLE_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
    await sampling;
  }
  const mib = (bytes: number) => round(bytes / 2 ** 20, 1);
  return {
    mainAtStartMiB: mib(start),
    mainMiB: mib(main),
    workersMiB: mib(workers),
    totalMiB: mib(main + workers),
  };
}

async function throughput(vault: Vault, files: string[]) {
  await ingest(vault, files.slice(0, IN_FLIGHT)); // workers started and warm
  await inLanes(IN_FLIGHT, IN_FLIGHT, (i) => decodeFloor(files[i]!));
  const each = (work: (file: string) => Promise<unknown>) => () =>
    inLanes(files.length, IN_FLIGHT, (i) => work(files[i]!));
  const runs = {
    ingest: [] as Cost[],
    floor: [] as Cost[],
    essential: [] as Cost[],
    naive: [] as Cost[],
  };
  // Interleaved, best of RUNS: other load on the machine hits all three alike.
  for (let run = 0; run < RUNS; run++) {
    runs.ingest.push(await measured(() => ingest(vault, files)));
    runs.floor.push(await measured(each(decodeFloor)));
    runs.essential.push(await measured(each(essentialFloor)));
    runs.naive.push(await measured(each(naiveEightPreviews)));
  }
  const wall = (costs: Cost[]) => Math.min(...costs.map((c) => c.wall));
  const cpu = (costs: Cost[]) => Math.min(...costs.map((c) => c.main + c.children));
  const perSecond = (ms: number) => round(files.length / (ms / 1000));
  const perItem = (ms: number) => round(ms / files.length, 1);
  const best = {
    ingest: wall(runs.ingest),
    floor: wall(runs.floor),
    essential: wall(runs.essential),
    naive: wall(runs.naive),
  };
  return {
    ingestItemsPerSecond: perSecond(best.ingest),
    decodeFloorItemsPerSecond: perSecond(best.floor),
    essentialFloorItemsPerSecond: perSecond(best.essential),
    naiveEightPreviewsItemsPerSecond: perSecond(best.naive),
    ingestVsDecodeFloor: round(best.floor / best.ingest, 3),
    ingestVsNaiveEightPreviews: round(best.naive / best.ingest, 3),
    // What the decode floor leaves out and ingest cannot: hashes, sealing, PDQ, one picture.
    essentialVsDecodeFloor: round(best.floor / best.essential, 3),
    ingestVsEssentialFloor: round(best.essential / best.ingest, 3),
    // CPU time barely moves when other processes share the cores, so these ratios hold where
    // the wall-clock ones above are at the mercy of the machine's other load.
    cpuMsPerItem: {
      ingestMainProcess: perItem(Math.min(...runs.ingest.map((c) => c.main))),
      ingestDecodeWorkers: perItem(Math.min(...runs.ingest.map((c) => c.children))),
      decodeFloor: perItem(cpu(runs.floor)),
      essentialFloor: perItem(cpu(runs.essential)),
      naiveEightPreviews: perItem(cpu(runs.naive)),
    },
    ingestVsDecodeFloorByCpu: round(cpu(runs.floor) / cpu(runs.ingest), 3),
    ingestVsNaiveEightPreviewsByCpu: round(cpu(runs.naive) / cpu(runs.ingest), 3),
  };
}

async function memoryAndResponsiveness(small: string[]) {
  const smallBatch = small.slice(0, SMALL_BATCH);
  // Each batch into a vault of its own, so the larger one does not start on the smaller's pages.
  const measure = async (files: string[], watchLoop: boolean) => {
    const vault = await freshCore();
    try {
      await vault.core.decoder().start();
      const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
      if (watchLoop) loop.enable();
      const rss = await peakRss(() => ingest(vault, files));
      loop.disable();
      // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
      const ms = (ns: number) => round(Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS), 1);
      return { rss, loop: { maxMs: ms(loop.max), p99Ms: ms(loop.percentile(99)) } };
    } finally {
      await vault.cleanup();
    }
  };
  const before = await measure(smallBatch, false);
  const after = await measure(small, true);
  return {
    peakRssSmallBatch: { items: smallBatch.length, ...before.rss },
    peakRssLargeBatch: { items: small.length, ...after.rss },
    peakRssLargeOverSmall: round(after.rss.totalMiB / before.rss.totalMiB, 3),
    eventLoopDelayDuringLargeBatch: after.loop,
  };
}

/**
 * The shortest time from a veiled picture on the screen to the reviewer's key press that unveils
 * it: a simple visual reaction time is about 250 ms at best, and a reviewer reads the veil first.
 */
const REVIEWER_PAUSE_MS = 250;

/**
 * Milliseconds from a screen preview request to its bytes, cycling through `items` `requests`
 * times: for a stored variant its decryption, for a derived one the first time its making too.
 * `opened`: the item view first shows the veiled picture (which prepares the derived ones) and
 * the reviewer takes REVIEWER_PAUSE_MS to press the key.
 */
async function revealLatency(
  vault: Vault,
  items: string[],
  variant: 'plain' | 'outline',
  requests: number,
  opened = false,
) {
  const handler = createPreviewHandler(vault.core);
  const samples: number[] = [];
  for (let i = 0; i < requests; i++) {
    const item = items[i % items.length]!;
    if (opened) {
      const veiled = await handler(new Request(`custody://preview/${item}/screen/veiled`));
      await veiled.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, REVIEWER_PAUSE_MS));
    }
    unveilTo(vault.core, item, variant);
    const url = `custody://preview/${item}/screen/${variant}`;
    const ms = await timed(async () => {
      const response = await handler(new Request(url));
      if (response.status !== 200) throw new Error(`preview answered ${response.status}`);
      await response.arrayBuffer();
    });
    samples.push(ms);
  }
  vault.core.reveal.veilAll();
  samples.sort((a, b) => a - b);
  const at = (p: number) =>
    round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!);
  return { requests: samples.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-ingest-bench-'));
  try {
    const cameraDir = await mkdtemp(join(dir, 'camera-'));
    const smallDir = await mkdtemp(join(dir, 'small-'));
    // The memory runs come first, before the camera-sized images have grown this process.
    const small = await makeSmallJpegs(smallDir, LARGE_BATCH);
    const memory = await memoryAndResponsiveness(small);
    const camera = await makeCameraJpegs(cameraDir, CAMERA_FILES);
    const vault = await freshCore();
    try {
      const speed = await throughput(vault, camera);
      const items = await ingest(vault, camera);
      // Each item's first outline, before anything has asked for it: it is made now.
      const outlineCold = await revealLatency(vault, items, 'outline', items.length);
      // As in the item view: the veiled picture first, the reveal a reviewer's pause later.
      const fresh = await ingest(vault, camera);
      const outlineFirst = await revealLatency(vault, fresh, 'outline', fresh.length, true);
      const reveal = await revealLatency(vault, items, 'plain', REVEALS);
      return {
        images: `${camera.length} x 4000x3000 JPEG (12 MP), ${IN_FLIGHT} decode workers`,
        ...speed,
        memory: { smallItems: '640x480 JPEG', ...memory },
        revealScreenPlain: reveal,
        revealScreenOutlineFirst: outlineFirst,
        revealScreenOutlineCold: outlineCold,
      };
    } finally {
      await vault.cleanup();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
