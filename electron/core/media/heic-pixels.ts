// HEIC/HEIF pixels for builds whose libvips has no HEVC decoder (the prebuilt sharp has none):
// libheif and libde265 compiled to WebAssembly, through heic-decode. It runs in the decode worker
// like every other decoder, so a crafted file can at worst take that process down. libheif applies
// the HEIF rotation and mirroring (`irot`, `imir`) itself: its pixels are already upright.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** Upright pixels straight from a decoder, 8 bits per sample, rows top to bottom. */
export interface DecodedPixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3 | 4;
}

type HeicDecode = (input: {
  buffer: Uint8Array;
}) => Promise<{ width: number; height: number; data: Uint8ClampedArray }>;

let decoder: HeicDecode | undefined;

/** Loaded on first use: the WebAssembly module is large and most files are not HEIC. */
function heicDecoder(): HeicDecode {
  decoder ??= createRequire(import.meta.url)('heic-decode') as HeicDecode;
  return decoder;
}

/**
 * Decodes the primary image of a HEIC/HEIF file (path or bytes) to RGBA. The caller has already
 * checked the header's size against the pixel limit, so the allocation is bounded.
 */
export async function decodeHeicPixels(input: string | Buffer): Promise<DecodedPixels> {
  const bytes = typeof input === 'string' ? await readFile(input) : input;
  const { width, height, data } = await heicDecoder()({ buffer: bytes });
  if (data.length !== width * height * 4) throw new Error('HEIF decoder returned a short image');
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width,
    height,
    channels: 4,
  };
}
