// Test fixtures for the media pipeline: paths to the copied reference files and small images
// built on the spot (a decompression bomb header, animations, orientation samples).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { expect } from 'vitest';
import { CustodyError } from '../../electron/core/errors.ts';
import { FAULT_ENV } from '../../electron/core/media/decode-protocol.ts';
import type { DecodeHost } from '../../electron/core/media/decode-pool.ts';

import type { EncodedPreview, PreviewSet } from '../../electron/core/media/previews.ts';

export { FIXTURES, fixture } from './fixtures.ts';
import { fixture } from './fixtures.ts';

/** The camera JPEG (1772 px wide) both decode pools' tests run through their workers. */
export const DECODE_PHOTO = fixture('exif', 'Canon_EOS_D60.jpg');
/** A worker environment that honours the fault hook (DecodeJobOptions.fault). */
export const faultsOn = { ...process.env, [FAULT_ENV]: '1' };

/** What ingest stores of a picture, the six (size, variant) previews of a PreviewSet. */
export function storedPreviews(set: PreviewSet): { label: string; preview: EncodedPreview }[] {
  return (['thumb', 'screen'] as const).flatMap((size) =>
    Object.entries(set[size]).map(([variant, preview]) => ({
      label: `${size}/${variant}`,
      preview,
    })),
  );
}

/** The variant names a PreviewSet stores, as sorted lists per size. */
export const STORED_VARIANTS = {
  thumb: ['grey', 'outline', 'plain', 'veiled'],
  screen: ['plain', 'veiled'],
};
/** Preview rows ingest stores per picture. */
export const STORED_PREVIEWS = STORED_VARIANTS.thumb.length + STORED_VARIANTS.screen.length;

/** The CustodyError a decode ends with; fails the test if it succeeds or throws anything else. */
export async function decodeFailure(promise: Promise<unknown>): Promise<CustodyError> {
  const error: unknown = await promise.then(
    () => new Error('expected the decode to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CustodyError);
  return error as CustodyError;
}

/** A worker that exits or is killed fails its own job, named, and the pool decodes the next. */
export async function expectWorkerDeathFailsOnlyItsJob(pool: DecodeHost): Promise<void> {
  for (const fault of ['exit', 'kill'] as const) {
    const error = await decodeFailure(
      pool.decode({ path: DECODE_PHOTO }, { displayName: 'evil.jpg', fault }),
    );
    expect(error.code).toBe('DECODE_FAILED');
    expect(error.message).toBe('Could not decode "evil.jpg": decoder crashed');
    const next = await pool.decode({ path: DECODE_PHOTO }, { displayName: 'kayak.jpg' });
    expect(next.previews.screen.plain.width).toBe(1600);
  }
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'custody-media-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid, tiny PNG whose header declares `width` x `height` 8-bit RGB pixels (2.5 GP for the
 * default) with a few bytes of image data: decoding it would allocate gigabytes.
 */
export function pngBombHeader(width = 50_000, height = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const FRAME_COLOURS = [
  { r: 220, g: 30, b: 30 },
  { r: 30, g: 200, b: 30 },
  { r: 30, g: 30, b: 220 },
];

/** A three-frame animation (red, green, blue), 48 x 32 px per frame. */
export async function animatedImage(format: 'gif' | 'webp'): Promise<Buffer> {
  const frames = await Promise.all(
    FRAME_COLOURS.map((background) =>
      sharp({ create: { width: 48, height: 32, channels: 3, background } })
        .png()
        .toBuffer(),
    ),
  );
  const joined = sharp(frames, { join: { animated: true } });
  return format === 'gif' ? joined.gif().toBuffer() : joined.webp({ lossless: true }).toBuffer();
}

/** A 60 x 40 PNG no symmetry can map onto itself, tagged with an EXIF orientation. */
export async function asymmetricImage(orientation: number): Promise<Buffer> {
  const width = 60;
  const height = 40;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const corner = x < 20 && y < 12;
      data[i] = corner ? 255 : Math.round((x / width) * 200);
      data[i + 1] = corner ? 255 : Math.round((y / height) * 200);
      data[i + 2] = 60;
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .png()
    .withMetadata({ orientation })
    .toBuffer();
}

/** Variance of the 4-neighbour Laplacian of a greyscale image: high for detail, low for blur. */
export async function laplacianVariance(image: Buffer): Promise<number> {
  const { data, info } = await sharp(image)
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const w = info.width;
  let sum = 0;
  let sumSquares = 0;
  let n = 0;
  for (let y = 1; y < info.height - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const l = 4 * data[i]! - data[i - 1]! - data[i + 1]! - data[i - w]! - data[i + w]!;
      sum += l;
      sumSquares += l * l;
      n++;
    }
  }
  return sumSquares / n - (sum / n) ** 2;
}
