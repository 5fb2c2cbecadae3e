// Images for the benchmarks, made on the spot: camera-sized JPEGs that compress like real photos,
// and many small distinct JPEGs for batch-size tests. Every file has different bytes, so an ingest
// never takes one for a duplicate of another.
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { pdqDihedralFromPixels } from '../electron/core/media/pdq/index.ts';

const CAMERA_SOURCES = [
  'Canon_EOS_D60.jpg',
  'JVC_GR-DC2000.jpg',
  'Sanyo_S1.jpg',
  'Nikon_D5000.jpg',
];
export const CAMERA_WIDTH = 4000;
export const CAMERA_HEIGHT = 3000;
const GRAIN_TILE = 512;

const exifFixtures = new URL('../tests/fixtures/exif/', import.meta.url);

/** Deterministic grain, so an upscaled photo compresses like a real sensor image, not a blur. */
function grain(size: number, seed: number): Buffer {
  const data = Buffer.alloc(size * size);
  let state = (0x2545f491 ^ Math.imul(seed + 1, 0x9e3779b9)) >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    data[i] = 128 + ((state >>> 0) % 49) - 24;
  }
  return data;
}

async function grainTile(seed: number): Promise<Buffer> {
  return sharp(grain(GRAIN_TILE, seed), {
    raw: { width: GRAIN_TILE, height: GRAIN_TILE, channels: 1 },
  })
    .png()
    .toBuffer();
}

/** Runs `work` over 0..count-1 with `lanes` in flight; results in index order. */
export async function inLanes<T>(
  count: number,
  lanes: number,
  work: (index: number) => Promise<T>,
): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, lanes) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

/**
 * `count` distinct 12-megapixel (4000 x 3000) quality-92 JPEGs in `dir`: four real photos from the
 * EXIF fixtures, upscaled, mirrored in turn, with a different sensor-like grain on each.
 */
export async function makeCameraJpegs(dir: string, count: number): Promise<string[]> {
  const bases = await Promise.all(
    CAMERA_SOURCES.map((name) =>
      sharp(new URL(name, exifFixtures).pathname)
        .rotate()
        .resize(CAMERA_WIDTH, CAMERA_HEIGHT, { fit: 'cover' })
        .raw()
        .toBuffer(),
    ),
  );
  const raw = { width: CAMERA_WIDTH, height: CAMERA_HEIGHT, channels: 3 as const };
  return inLanes(count, 2, async (i) => {
    const out = join(dir, `camera-${String(i).padStart(4, '0')}.jpg`);
    let image = sharp(bases[i % bases.length], { raw });
    if (Math.floor(i / bases.length) % 2 === 1) image = image.flop();
    await image
      .composite([{ input: await grainTile(i), tile: true, blend: 'soft-light' }])
      .jpeg({ quality: 92 })
      .toFile(out);
    return out;
  });
}

/**
 * `count` distinct small JPEGs (`width` x `height`, quality 85) in `dir`, cut from one photo at
 * shifting offsets with the file's number written into its first pixels, so no two are alike.
 */
export async function makeSmallJpegs(
  dir: string,
  count: number,
  width = 640,
  height = 480,
): Promise<string[]> {
  const margin = 64;
  const { data: photo, info } = await sharp(new URL(CAMERA_SOURCES[0]!, exifFixtures).pathname)
    .rotate()
    .resize(width + margin, height + margin, { fit: 'cover' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const rowBytes = info.width * info.channels;
  return inLanes(count, 2, async (i) => {
    const dx = i % margin;
    const dy = Math.floor(i / margin) % margin;
    const frame = Buffer.allocUnsafe(width * height * 3);
    for (let y = 0; y < height; y++) {
      const from = (y + dy) * rowBytes + dx * 3;
      photo.copy(frame, y * width * 3, from, from + width * 3);
    }
    frame.writeUInt32BE(i, 0);
    const out = join(dir, `small-${String(i).padStart(5, '0')}.jpg`);
    await sharp(frame, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 85 })
      .toFile(out);
    return out;
  });
}

// The bare baselines an image pipeline is measured against, in the same run on the same files.
export const BASELINE_SCREEN = 1600;
export const BASELINE_THUMB = 320;

/** Bare sharp decoding a file once, shrunk on load to screen size, nothing else. */
export async function decodeFloor(file: string): Promise<void> {
  await sharp(file)
    .resize(BASELINE_SCREEN, BASELINE_SCREEN, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer();
}

/**
 * The work no ingest of a photo can skip, done bare: the file read, hashed three ways and sealed
 * with AES-256-GCM, decoded once at full size (PDQ reads the pixels as stored), its PDQ with the
 * eight dihedral variants, and one screen picture shrunk and encoded. No database, no blob file,
 * no veil, no thumbnails, no process boundary.
 */
export async function essentialFloor(file: string): Promise<void> {
  const bytes = await readFile(file);
  for (const name of ['sha256', 'sha1', 'md5']) createHash(name).update(bytes).digest();
  const cipher = createCipheriv('aes-256-gcm', randomBytes(32), randomBytes(12));
  cipher.update(bytes);
  cipher.final();
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  pdqDihedralFromPixels(data, info.width, info.height, info.channels);
  const raw = { width: info.width, height: info.height, channels: info.channels };
  await sharp(data, { raw })
    .resize(BASELINE_SCREEN, BASELINE_SCREEN, { fit: 'inside', kernel: 'linear' })
    .jpeg({ quality: 82 })
    .toBuffer();
}

/**
 * Bare sharp making the same eight previews as eight independent pipelines from the file (what one
 * would write without the decode-once design); no PDQ, no hashing, no encryption.
 */
export async function naiveEightPreviews(file: string): Promise<void> {
  const at = (size: number) =>
    sharp(file).rotate().resize(size, size, { fit: 'inside', withoutEnlargement: true });
  const laplacian = { width: 3, height: 3, kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0], scale: 1 };
  await Promise.all(
    [BASELINE_SCREEN, BASELINE_THUMB].flatMap((size) => [
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
