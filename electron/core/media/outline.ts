// The outline step of the reveal ladder: a pencil-like line drawing of an image's edges, with no
// skin tone, blood colour or texture (DESIGN.md §1.4). Input is a softened greyscale image; the
// Sobel gradient magnitude is mapped through a ramp so strong contours become dark lines and faint
// texture drops out, on light paper.

/** Edges weaker than this share of the image's strong-edge level vanish. */
const RAMP_LOW = 0.3;
/** Edges at or above the strong-edge level get the darkest line. */
const RAMP_HIGH = 1.0;
/** The percentile of gradient magnitude taken as "a strong edge" for this image. */
const STRONG_EDGE_PERCENTILE = 0.97;
/** The darkest line is a soft graphite grey, not black, and the paper is not pure white. */
const DARKEST_LINE = 40;
const PAPER = 250;
/** |gx| + |gy| for a 3x3 Sobel on 8-bit input never exceeds 4 * 255 * 2. */
const MAX_MAGNITUDE = 2040;

/**
 * Draws `grey` (one 8-bit channel, `width` x `height`, already blurred to remove fine texture) as
 * dark lines on light paper. Returns a new single-channel buffer of the same size.
 */
export function drawOutline(grey: Uint8Array, width: number, height: number): Buffer {
  const magnitude = sobelMagnitude(grey, width, height);
  const strong = Math.max(percentile(magnitude, STRONG_EDGE_PERCENTILE), 16);
  const shade = new Uint8Array(MAX_MAGNITUDE + 1);
  for (let m = 0; m <= MAX_MAGNITUDE; m++) {
    const t = Math.min(1, Math.max(0, (m / strong - RAMP_LOW) / (RAMP_HIGH - RAMP_LOW)));
    // Ease-in: mid-strength edges stay light so the drawing reads as lines, not shading.
    shade[m] = Math.round(PAPER - (PAPER - DARKEST_LINE) * t * t * (3 - 2 * t));
  }
  const out = Buffer.allocUnsafe(width * height);
  for (let i = 0; i < magnitude.length; i++) out[i] = shade[magnitude[i] ?? 0] ?? PAPER;
  return out;
}

/** Gradient magnitude as |gx| + |gy| (the L1 norm: integer, and close enough for drawing). */
function sobelMagnitude(g: Uint8Array, width: number, height: number): Uint16Array {
  const m = new Uint16Array(width * height);
  if (width < 3 || height < 3) return m;
  for (let y = 1; y < height - 1; y++) {
    let i = y * width + 1;
    for (let x = 1; x < width - 1; x++, i++) {
      const a = g[i - width - 1]!;
      const b = g[i - width]!;
      const c = g[i - width + 1]!;
      const d = g[i - 1]!;
      const f = g[i + 1]!;
      const h = g[i + width - 1]!;
      const k = g[i + width]!;
      const l = g[i + width + 1]!;
      const gx = c + 2 * f + l - a - 2 * d - h;
      const gy = h + 2 * k + l - a - 2 * b - c;
      m[i] = (gx < 0 ? -gx : gx) + (gy < 0 ? -gy : gy);
    }
  }
  return m;
}

function percentile(values: Uint16Array, p: number): number {
  const histogram = new Uint32Array(MAX_MAGNITUDE + 1);
  for (const v of values) histogram[v] = (histogram[v] ?? 0) + 1;
  const target = p * values.length;
  let seen = 0;
  for (let v = 0; v <= MAX_MAGNITUDE; v++) {
    seen += histogram[v] ?? 0;
    if (seen >= target) return v;
  }
  return MAX_MAGNITUDE;
}
