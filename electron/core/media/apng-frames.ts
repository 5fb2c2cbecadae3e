// The frames of an animated PNG as stills. This libvips reads only an APNG's default image, so the
// frames come from fast-png (pure JavaScript, MIT), which composites each frame onto the canvas as
// the APNG spec's dispose and blend operations say, as a viewer would show it. It decodes every
// frame into memory at once, so the frame count and canvas are read from the header first (acTL
// and IHDR, before any pixel) and an animation over the pixel budget keeps only its first image.
import { convertIndexedToRgb, decodeApng, type DecodedApng } from 'fast-png';
import type { ExtractedFrame } from '../extract/extract-result.ts';
import { open, readFile } from 'node:fs/promises';
import { renderPixels, type RenderOptions } from './previews.ts';
import type { DecodedPixels } from './heic-pixels.ts';
import { framePicks } from './animated-frames.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes of composited canvases decoded at once: 100 frames of 1000×1000 RGBA. */
export const APNG_PIXEL_BUDGET = 400 * 1024 * 1024;

export interface ApngHeader {
  width: number;
  height: number;
  frames: number;
}

/** An APNG's canvas and frame count from its chunks before the first image data; null otherwise. */
export function readApngHeader(bytes: Buffer): ApngHeader | null {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  let width = 0;
  let height = 0;
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = at + 8;
    const has8 = length >= 8 && data + 8 <= bytes.length;
    if (type === 'IHDR' && has8) {
      width = bytes.readUInt32BE(data);
      height = bytes.readUInt32BE(data + 4);
    }
    // acTL must come before the first IDAT; a PNG without it is a still image.
    if (type === 'acTL' && has8) return { width, height, frames: bytes.readUInt32BE(data) };
    if (type === 'IDAT') return null;
    at = data + length + 4;
  }
  return null;
}

/** A frame's delay in seconds: the denominator 0 means hundredths (APNG spec, fcTL). */
const delaySeconds = (num: number, den: number) => num / (den === 0 ? 100 : den);

/** One composited canvas as 8-bit RGB or RGBA pixels. */
function canvasPixels(
  apng: DecodedApng,
  data: DecodedApng['frames'][number]['data'],
): DecodedPixels {
  const { width, height } = apng;
  if (apng.palette) {
    // RGBA when the palette has transparency, RGB otherwise.
    const rgb = convertIndexedToRgb({ ...apng, data, text: {} });
    return { data: rgb, width, height, channels: rgb.length === width * height * 4 ? 4 : 3 };
  }
  const eight =
    data instanceof Uint16Array
      ? Uint8Array.from(data, (v) => v >> 8)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const channels = apng.channels;
  if (channels === 3 || channels === 4) return { data: eight, width, height, channels };
  // Grey, or grey and alpha: spread to RGB(A), which the preview pipeline and PDQ expect.
  const out = new Uint8Array(width * height * (channels === 2 ? 4 : 3));
  const step = channels === 2 ? 4 : 3;
  for (let p = 0, o = 0; p < width * height; p++, o += step) {
    const grey = eight[p * channels] ?? 0;
    out[o] = out[o + 1] = out[o + 2] = grey;
    if (channels === 2) out[o + 3] = eight[p * channels + 1] ?? 255;
  }
  return { data: out, width, height, channels: channels === 2 ? 4 : 3 };
}

/** acTL comes before the image data, which starts within the first few hundred bytes in practice. */
const HEAD_BYTES = 64 * 1024;

async function headOf(input: string | Buffer): Promise<Buffer> {
  if (typeof input !== 'string') return input;
  const handle = await open(input, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface ApngStills {
  /** How many frames the animation has. */
  total: number;
  /** At most MAX_ANIMATED_FRAMES of them, spread evenly. */
  frames: ExtractedFrame[];
}

const NONE: ApngStills = { total: 1, frames: [] };

/** The stills of an APNG; none for a still PNG or one over the pixel budget. */
export async function apngFrames(
  input: string | Buffer,
  options: RenderOptions = {},
): Promise<ApngStills> {
  const header = readApngHeader(await headOf(input));
  if (!header || header.frames < 2) return NONE;
  if (header.width * header.height * 4 * header.frames > APNG_PIXEL_BUDGET) return NONE;
  const apng = decodeApng(typeof input === 'string' ? await readFile(input) : input);
  const count = apng.frames.length;
  let seconds = 0;
  const starts = apng.frames.map((f) => {
    const at = seconds;
    seconds += delaySeconds(f.delayNumber, f.delayDenominator);
    return at;
  });
  const frames: ExtractedFrame[] = [];
  for (const index of framePicks(count)) {
    const frame = apng.frames[index];
    if (!frame) continue;
    const { width, height, pdq, previews } = await renderPixels(
      canvasPixels(apng, frame.data),
      options,
    );
    frames.push({ timeSeconds: starts[index] ?? null, page: null, width, height, pdq, previews });
  }
  return { total: count, frames };
}
