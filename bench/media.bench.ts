// The image pipeline on 12-megapixel camera-sized JPEGs, against bare sharp in the same run.
// - pipeline: the decode pool (separate processes) doing metadata, a full-size decode for PDQ (as
//   the reference sees the file), one shrink-on-load decode for eight previews, results back.
// - decodeFloor: bare sharp decoding each file once, shrunk on load to 1600 px, nothing else.
// - naiveEightPreviews: bare sharp making the same eight previews as eight independent
//   pipelines from the file (what one would write without the decode-once design); no PDQ.
// Every variant keeps two files in flight, matching the pool's two workers on this machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeDecodePool } from '../electron/core/media/decode-pool.ts';
import { decodeFloor, inLanes, makeCameraJpegs, naiveEightPreviews } from './fixtures.ts';
import { round } from './measure.ts';

const FILES = 4;
const RUNS = 3;
const IN_FLIGHT = Math.min(2, availableParallelism());

const eachInFlight = (files: string[], work: (file: string) => Promise<unknown>) =>
  inLanes(files.length, IN_FLIGHT, (i) => work(files[i]!));

/** Items per second from the fastest of RUNS passes over all files (after one warm-up). */
async function itemsPerSecond(files: string[], work: (file: string) => Promise<unknown>) {
  await eachInFlight(files, work);
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await eachInFlight(files, work);
    best = Math.min(best, performance.now() - start);
  }
  return files.length / (best / 1000);
}

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-media-bench-'));
  const pool = new NodeDecodePool({ size: IN_FLIGHT });
  try {
    const files = await makeCameraJpegs(dir, FILES);
    await pool.start();
    const pipeline = await itemsPerSecond(files, (path) =>
      pool.decode({ path }, { displayName: 'bench.jpg' }),
    );
    const floor = await itemsPerSecond(files, decodeFloor);
    const naive = await itemsPerSecond(files, naiveEightPreviews);
    return {
      images: `${files.length} x 4000x3000 JPEG (12 MP), ${IN_FLIGHT} in flight`,
      pipelineItemsPerSecond: round(pipeline),
      decodeFloorItemsPerSecond: round(floor),
      naiveEightPreviewsItemsPerSecond: round(naive),
      pipelineVsDecodeFloor: round(pipeline / floor, 3),
      pipelineVsNaiveEightPreviews: round(pipeline / naive, 3),
    };
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
}
