// The one place sharp is configured for hostile input (DESIGN.md §4, §7). Every pipeline that
// reads evidence bytes starts from `openHostile`, so the limits below cannot be forgotten.
import sharp from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';

/** About 100 megapixels: bigger than any camera sensor we expect, far below a decompression bomb. */
export const MAX_INPUT_PIXELS = 100_000_000;

/** libvips gives up on one pipeline after this long; the decode pool's watchdog is the backstop. */
export const DEFAULT_SHARP_TIMEOUT_SECONDS = 20;

// Loaders are allow-listed: everything is blocked, then the evidence image formats are reopened.
// A format that is not reopened here can never reach a decoder, whatever its bytes claim.
const ALLOWED_LOADERS = [
  'VipsForeignLoadJpeg',
  'VipsForeignLoadPng',
  'VipsForeignLoadWebp',
  'VipsForeignLoadNsgif',
  'VipsForeignLoadTiff',
  'VipsForeignLoadHeif',
];

// Named again after the allow-list so that a future libvips subclassing an allowed loader still
// cannot bring these back: scriptable or networked formats (SVG, PDF, ImageMagick) and exotic ones.
export const BLOCKED_LOADERS = [
  'VipsForeignLoadSvg',
  'VipsForeignLoadPdf',
  'VipsForeignLoadMagick',
  'VipsForeignLoadOpenslide',
  'VipsForeignLoadVips',
  'VipsForeignLoadFits',
  'VipsForeignLoadMatrix',
  'VipsForeignLoadRad',
  'VipsForeignLoadCsv',
  'VipsForeignLoadPpm',
  'VipsForeignLoadAnalyze',
  'VipsForeignLoadJp2k',
  'VipsForeignLoadJxl',
  'VipsForeignLoadDcRaw',
];

let applied = false;

export interface SharpPolicyOptions {
  /** libvips worker threads per process; the decode pool supplies parallelism across processes. */
  threads?: number;
}

/** Configures this process's sharp once: loaders, no pixel cache, thread count. Idempotent. */
export function applySharpPolicy(options: SharpPolicyOptions = {}): void {
  if (options.threads !== undefined) sharp.concurrency(options.threads);
  if (applied) return;
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: ALLOWED_LOADERS });
  sharp.block({ operation: BLOCKED_LOADERS });
  // Decoded pixels must not outlive the item they belong to.
  sharp.cache(false);
  applied = true;
}

/** Constructor options for any evidence input: strict decoding, bounded size, first frame only. */
export function hostileInputOptions(): SharpOptions {
  return {
    failOn: 'warning',
    limitInputPixels: MAX_INPUT_PIXELS,
    limitInputChannels: 5,
    pages: 1,
    page: 0,
    autoOrient: false,
  };
}

/** A sharp pipeline over untrusted bytes, with the policy applied and a timeout set. */
export function openHostile(
  input: string | Buffer,
  timeoutSeconds = DEFAULT_SHARP_TIMEOUT_SECONDS,
  extra: Pick<SharpOptions, 'ignoreIcc' | 'page'> = {},
): Sharp {
  applySharpPolicy();
  return sharp(input, { ...hostileInputOptions(), ...extra }).timeout({ seconds: timeoutSeconds });
}

/**
 * Whether this sharp build can decode HEIC. The prebuilt libheif ships the AV1 (AVIF) decoder but
 * not HEVC, and registers the `.heic` suffix only when it has one.
 */
export function canDecodeHeic(): boolean {
  const suffixes = sharp.format.heif.input.fileSuffix ?? [];
  return suffixes.includes('.heic') || suffixes.includes('.heif');
}
