// What an image says about itself (camera, time, place), read from sharp's header parse and from
// exif-reader on sharp's own bounded EXIF buffer: no second parser walks the hostile file.
import { open } from 'node:fs/promises';
import readExif from 'exif-reader';
import type { Metadata } from 'sharp';
import { toDisplayText } from './display-text.ts';
import { openHostile } from './sharp-policy.ts';
import { readTiffCaptureTime, type ReadAt, type TiffCaptureTime } from './tiff-capture-time.ts';

/** What the file's GPS tags say; a position needs both coordinates, altitude may stand alone. */
export interface GpsPosition {
  /** Signed decimal degrees, north positive; null when the file records no usable position. */
  latitude: number | null;
  /** Signed decimal degrees, east positive; null exactly when latitude is. */
  longitude: number | null;
  /** Metres above sea level (negative below), when the file records it. */
  altitude: number | null;
}

export interface ImageMetadata {
  /** The decoder that read the header: jpeg, png, webp, gif, tiff or heif. */
  format: string;
  /** Pixel size as stored in the file. */
  width: number;
  height: number;
  /** Pixel size as displayed, after the orientation is applied. */
  displayWidth: number;
  displayHeight: number;
  /** The EXIF Orientation tag exactly as stored (1-8 when valid), or null when absent. */
  orientation: number | null;
  make: string | null;
  model: string | null;
  /** Capture time as written by the camera: ISO 8601, with an offset only if the file has one. */
  capturedAt: string | null;
  gps: GpsPosition | null;
  /** Frames or pages in the file; previews show the first. */
  pages: number;
  hasXmp: boolean;
  /** The XMP packet as plain text, cut to XMP_MAX_CHARS. */
  xmp: string | null;
  hasIptc: boolean;
  flags: { gps: boolean; animated: boolean; multiPage: boolean };
}

/** EXIF lives in one 64 KiB JPEG segment by design; anything bigger is cut before it is parsed. */
export const EXIF_MAX_BYTES = 64 * 1024;
export const XMP_MAX_CHARS = 64 * 1024;
const SHORT_TEXT_MAX = 128;

type Exif = ReturnType<typeof readExif>;
type Tags = Record<string, unknown>;

/**
 * Builds the item's metadata from sharp's `metadata()`. `tiffHead` is the start of the file when it
 * is a TIFF: there the EXIF structure is the file itself and sharp exposes no EXIF buffer.
 */
export function readImageMetadata(
  meta: Metadata,
  tiffHead?: Uint8Array,
  tiffTime?: TiffCaptureTime | null,
): ImageMetadata {
  const exifBytes = meta.exif ?? (meta.format === 'tiff' ? tiffHead : undefined);
  const exif = parseExif(exifBytes);
  const image: Tags = exif?.Image ?? {};
  const photo: Tags = exif?.Photo ?? {};
  const gps = readGps(exif?.GPSInfo ?? {});
  const pages = meta.pages ?? 1;
  const xmp = meta.xmp ? toDisplayText(meta.xmp, XMP_MAX_CHARS, { multiline: true }) : null;
  const orientation = asInteger(image.Orientation) ?? meta.orientation ?? null;
  return {
    format: meta.format,
    width: meta.width,
    height: meta.height,
    displayWidth: meta.autoOrient.width,
    displayHeight: meta.autoOrient.height,
    orientation,
    make: toDisplayText(image.Make, SHORT_TEXT_MAX),
    model: toDisplayText(image.Model, SHORT_TEXT_MAX),
    capturedAt: readCaptureTime(photo, exifBytes) ?? (tiffTime ? isoFromExifText(tiffTime) : null),
    gps,
    pages,
    hasXmp: meta.xmp !== undefined,
    xmp,
    hasIptc: meta.iptc !== undefined,
    flags: {
      gps: gps !== null,
      animated: pages > 1 && (meta.format === 'gif' || meta.format === 'webp'),
      multiPage: pages > 1,
    },
  };
}

/**
 * Reads the header of an image (no pixels are decoded) under the hostile-input policy. Throws for
 * files sharp refuses, including any whose declared size exceeds the pixel limit.
 */
export async function probeImage(
  input: string | Buffer,
  timeoutSeconds?: number,
): Promise<{ header: Metadata; metadata: ImageMetadata }> {
  const header = await openHostile(input, timeoutSeconds).metadata();
  if (header.format !== 'tiff') return { header, metadata: readImageMetadata(header) };
  return withReader(input, async (read) => {
    const tiffHead = await read(0, EXIF_MAX_BYTES);
    const tiffTime = await readTiffCaptureTime(read);
    return { header, metadata: readImageMetadata(header, tiffHead, tiffTime) };
  });
}

/** Bounded reads at any offset of the input, whether bytes in memory or a file on disk. */
async function withReader<T>(
  input: string | Buffer,
  use: (read: ReadAt) => Promise<T>,
): Promise<T> {
  if (typeof input !== 'string') {
    return use((offset, length) => Promise.resolve(input.subarray(offset, offset + length)));
  }
  const handle = await open(input, 'r');
  try {
    return await use(async (offset, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    });
  } finally {
    await handle.close();
  }
}

function parseExif(bytes: Uint8Array | undefined): Exif | null {
  if (!bytes || bytes.length === 0) return null;
  const bounded = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.length, EXIF_MAX_BYTES),
  );
  try {
    return readExif(bounded);
  } catch {
    // A malformed EXIF block is common and harmless: the image simply has no readable EXIF.
    return null;
  }
}

function asInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function asFinite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * exif-reader turns 'YYYY:MM:DD HH:MM:SS' into a Date through Date.UTC, which silently rolls over
 * placeholders: '0000:00:00 00:00:00' becomes 1899-11-30. So the date is accepted only if its
 * EXIF spelling is really in the EXIF bytes; otherwise the camera wrote no usable time.
 */
function readCaptureTime(photo: Tags, exifBytes: Uint8Array | undefined): string | null {
  const date = photo.DateTimeOriginal;
  if (!(date instanceof Date) || Number.isNaN(date.getTime()) || !exifBytes) return null;
  const d = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const t = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const stored = `${d.replaceAll('-', ':')} ${t}`;
  const bounded = exifBytes.subarray(0, EXIF_MAX_BYTES);
  if (Buffer.from(bounded.buffer, bounded.byteOffset, bounded.length).indexOf(stored) < 0) {
    return null;
  }
  const offset = toDisplayText(photo.OffsetTimeOriginal, 8);
  return `${d}T${t}${offset !== null && /^[+-]\d\d:\d\d$/.test(offset) ? offset : ''}`;
}

/**
 * 'YYYY:MM:DD HH:MM:SS' (as a TIFF stores it) in our ISO form, or null for the zero placeholder
 * and anything that is not a real date and time.
 */
function isoFromExifText({ dateTime, offset }: TiffCaptureTime): string | null {
  const m = /^(\d{4}):(\d\d):(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(dateTime);
  if (!m) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const real =
    year > 0 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!real) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
  return offset !== null && /^[+-]\d\d:\d\d$/.test(offset) ? iso + offset : iso;
}

/** Degrees, minutes, seconds (each may be fractional) to decimal degrees; null if incomplete. */
function toDegrees(value: unknown, ref: unknown, negativeRef: string, max: number): number | null {
  const parts = Array.isArray(value) ? (value as unknown[]) : [value];
  const numbers = parts.map(asFinite);
  if (numbers.length === 0 || numbers.length > 3 || numbers.some((n) => n === null)) return null;
  const [deg = 0, min = 0, sec = 0] = numbers as number[];
  const magnitude = deg + min / 60 + sec / 3600;
  if (magnitude > max || deg < 0 || min < 0 || sec < 0) return null;
  const sign = toDisplayText(ref, 4)?.toUpperCase() === negativeRef ? -1 : 1;
  return sign * magnitude;
}

function readGps(gps: Tags): GpsPosition | null {
  const latitude = toDegrees(gps.GPSLatitude, gps.GPSLatitudeRef, 'S', 90);
  const longitude = toDegrees(gps.GPSLongitude, gps.GPSLongitudeRef, 'W', 180);
  const located = latitude !== null && longitude !== null;
  const metres = asFinite(gps.GPSAltitude);
  const altitude = metres === null ? null : gps.GPSAltitudeRef === 1 ? -metres : metres;
  // An altitude alone still says the device recorded GPS: keep it, and flag the item.
  if (!located && altitude === null) return null;
  return located
    ? { latitude, longitude, altitude }
    : { latitude: null, longitude: null, altitude };
}
