// How the reference decoder treats a PNG's gAMA chunk. The reference CLI decodes through
// ImageMagick 6 (`convert FILE pnm:-`), which reads a colour PNG whose gAMA is above 0.75 (and
// that has no sRGB chunk) as linear-light RGB, and converts it to sRGB on the way out to PNM; grey
// PNGs are read as linear grey and written unchanged, as is every other gamma. Measured with
// ImageMagick 6.9.11-60 Q16 on PngSuite and on synthetic PNGs (gAMA 0.45455 to 5.0, with and
// without sRGB), see tests/fixtures/pdq/SOURCES.md. The hash follows, so this must too.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** gAMA stores gamma x 100000; ImageMagick takes anything above 0.75 as linear light. */
const LINEAR_ABOVE = 75_000;
/** PNG colour types that ImageMagick reads as RGB (truecolour, palette, truecolour + alpha). */
const COLOUR_TYPES = new Set([2, 3, 6]);
/** Chunks before the image data are few; a file that claims thousands is not worth walking. */
const MAX_CHUNKS = 1024;

/** Whether the reference would convert this PNG's samples from linear light to sRGB. */
export function pngIsLinearLight(png: Uint8Array): boolean {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) return false;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const colourType = png[25]!;
  let gamma: number | null = null;
  let offset = 8;
  for (let n = 0; n < MAX_CHUNKS && offset + 8 <= png.length; n++) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'sRGB') return false;
    if (type === 'gAMA' && length === 4 && offset + 12 <= png.length) {
      gamma = view.getUint32(offset + 8);
    }
    offset += 12 + length;
  }
  return gamma !== null && gamma > LINEAR_ABOVE && COLOUR_TYPES.has(colourType);
}

// ImageMagick's linear to sRGB transfer on its 16-bit quanta, rounded to the nearest quantum.
function encodeQuantum(q: number): number {
  const x = q / 65535;
  const encoded =
    q <= 0.0031306684425005883 * 65535 ? 12.92 * q : 65535 * (1.055 * x ** (1 / 2.4) - 0.055);
  return Math.min(65535, Math.max(0, Math.floor(encoded + 0.5)));
}

// ImageMagick evaluates x^(1/2.4) with its own polynomial, which rounds up where the exact power
// rounds down for these five 16-bit inputs (all 65,536 were compared); 8-bit inputs all agree.
const IMAGEMAGICK_ROUNDS_UP = [5807, 14042, 22782, 46469, 56372];

let table16: Uint16Array | null = null;
let table8: Uint8Array | null = null;

/** Linear-light 16-bit sample to ImageMagick's 16-bit sRGB sample. */
export function srgbTable16(): Uint16Array {
  if (!table16) {
    table16 = Uint16Array.from({ length: 65536 }, (_, q) => encodeQuantum(q));
    for (const q of IMAGEMAGICK_ROUNDS_UP) table16[q]! += 1;
  }
  return table16;
}

/** Linear-light 8-bit sample to ImageMagick's 8-bit sRGB sample (through its 16-bit quanta). */
export function srgbTable8(): Uint8Array {
  if (!table8) {
    const wide = srgbTable16();
    // ImageMagick's ScaleQuantumToChar: a 16-bit quantum to the nearest of 256 levels.
    table8 = Uint8Array.from({ length: 256 }, (_, v) => {
      const q = wide[v * 257]! + 128;
      return (q - (q >> 8)) >> 8;
    });
  }
  return table8;
}
