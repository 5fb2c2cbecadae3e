// The image pipeline on 12-megapixel camera-sized JPEGs, against bare sharp in the same run.
// - pipeline: the decode pool (separate processes) doing metadata, one shrink-on-load decode,
//   PDQ and eight previews per file, results back in the main process.
// - decodeFloor: bare sharp decoding each file once, shrunk on load to 1600 px, nothing else.
// - naiveEightPreviews: bare sharp making the same eight previews as eight independent
//   pipelines from the file (what one would write without the decode-once design); no PDQ.
// Every variant keeps two files in flight, matching the pool's two workers on this machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { NodeDecodePool } from '../electron/core/media/decode-pool.ts';

const SOURCES = ['Canon_EOS_D60.jpg', 'JVC_GR-DC2000.jpg', 'Sanyo_S1.jpg', 'Nikon_D5000.jpg'];
const WIDTH = 4000;
const HEIGHT = 3000;
const RUNS = 3;
const IN_FLIGHT = Math.min(2, availableParallelism());
const SCREEN = 1600;
const THUMB = 320;

const fixtures = new URL('../tests/fixtures/exif/', import.meta.url);

/** Deterministic grain, so the upscaled photo compresses like a real sensor image, not a blur. */
function grain(size: number): Buffer {
  const data = Buffer.alloc(size * size);
  let state = 0x2545f491;
  for (let i = 0; i < data.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data[i] = 128 + ((state >>> 0) % 49) - 24;
  }
  return data;
}

async function makeCameraJpegs(dir: string): Promise<string[]> {
  const tile = await sharp(grain(512), { raw: { width: 512, height: 512, channels: 1 } })
    .png()
    .toBuffer();
  return Promise.all(
    SOURCES.map(async (name, i) => {
      const out = join(dir, `camera-${i}.jpg`);
      const upscaled = await sharp(new URL(name, fixtures).pathname)
        .rotate()
        .resize(WIDTH, HEIGHT, { fit: 'cover' })
        .toBuffer();
      await sharp(upscaled)
        .composite([{ input: tile, tile: true, blend: 'soft-light' }])
        .jpeg({ quality: 92 })
        .toFile(out);
      return out;
    }),
  );
}

async function eachInFlight(files: string[], work: (file: string) => Promise<unknown>) {
  let next = 0;
  const lanes = Array.from({ length: IN_FLIGHT }, async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await work(file);
    }
  });
  await Promise.all(lanes);
}

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

async function decodeFloor(file: string): Promise<void> {
  await sharp(file)
    .resize(SCREEN, SCREEN, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer();
}

async function naiveEightPreviews(file: string): Promise<void> {
  const at = (size: number) =>
    sharp(file).rotate().resize(size, size, { fit: 'inside', withoutEnlargement: true });
  const laplacian = { width: 3, height: 3, kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0], scale: 1 };
  await Promise.all(
    [SCREEN, THUMB].flatMap((size) => [
      at(size).jpeg({ quality: 82 }).toBuffer(),
      at(size).greyscale().jpeg({ quality: 82 }).toBuffer(),
      at(size)
        .greyscale()
        .blur(size / 40)
        .jpeg({ quality: 85 })
        .toBuffer(),
      at(size).greyscale().blur(1.3).convolve(laplacian).negate().jpeg({ quality: 85 }).toBuffer(),
    ]),
  );
}

const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

export default async function bench(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-media-bench-'));
  const pool = new NodeDecodePool({ size: IN_FLIGHT });
  try {
    const files = await makeCameraJpegs(dir);
    await pool.start();
    const pipeline = await itemsPerSecond(files, (path) =>
      pool.decode({ path }, { displayName: 'bench.jpg' }),
    );
    const floor = await itemsPerSecond(files, decodeFloor);
    const naive = await itemsPerSecond(files, naiveEightPreviews);
    return {
      images: `${files.length} x ${WIDTH}x${HEIGHT} JPEG (12 MP), ${IN_FLIGHT} in flight`,
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
