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
  const histogram = new Uint32Array(MAX_MAGNITUDE + 1);
  const magnitude = sobelMagnitude(grey, width, height, histogram);
  const strong = Math.max(percentile(histogram, magnitude.length, STRONG_EDGE_PERCENTILE), 16);
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

/**
 * Gradient magnitude as |gx| + |gy| (the L1 norm: integer, and close enough for drawing), the
 * border left at zero; counts every value into `histogram`. The 3x3 Sobel is taken apart into
 * column sums and differences that slide along the row, so each pixel is read a few times, not eight.
 */
function sobelMagnitude(
  g: Uint8Array,
  width: number,
  height: number,
  histogram: Uint32Array,
): Uint16Array {
  const m = new Uint16Array(width * height);
  if (width < 3 || height < 3) {
    histogram[0] = m.length;
    return m;
  }
  const zeros = 2 * width + 2 * (height - 2);
  for (let y = 1; y < height - 1; y++) {
    const up = (y - 1) * width;
    const mid = y * width;
    const down = (y + 1) * width;
    // Per column x: smooth = up + 2 mid + down (for gx), rise = down - up (for gy).
    let smoothLeft = g[up]! + 2 * g[mid]! + g[down]!;
    let riseLeft = g[down]! - g[up]!;
    let smooth = g[up + 1]! + 2 * g[mid + 1]! + g[down + 1]!;
    let rise = g[down + 1]! - g[up + 1]!;
    for (let x = 1; x < width - 1; x++) {
      const u = g[up + x + 1]!;
      const d = g[down + x + 1]!;
      const smoothRight = u + 2 * g[mid + x + 1]! + d;
      const riseRight = d - u;
      const gx = smoothRight - smoothLeft;
      const gy = riseLeft + 2 * rise + riseRight;
      const v = (gx < 0 ? -gx : gx) + (gy < 0 ? -gy : gy);
      m[mid + x] = v;
      histogram[v]!++;
      smoothLeft = smooth;
      smooth = smoothRight;
      riseLeft = rise;
      rise = riseRight;
    }
  }
  histogram[0]! += zeros;
  return m;
}

function percentile(histogram: Uint32Array, count: number, p: number): number {
  const target = p * count;
  let seen = 0;
  for (let v = 0; v <= MAX_MAGNITUDE; v++) {
    seen += histogram[v] ?? 0;
    if (seen >= target) return v;
  }
  return MAX_MAGNITUDE;
}
