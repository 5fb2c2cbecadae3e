import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { probeImage, readImageMetadata } from './metadata.ts';
import { toDisplayText } from './display-text.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';
import { bigEndianTiff } from '../../../tests/helpers/images.ts';

const FIXTURES = fixture('exif');

interface ExpectedRow {
  file: string;
  make: string;
  model: string;
  datetime: string;
  orientation: string;
  lat: string;
  lon: string;
  width: string;
  height: string;
  mime: string;
}

function expectedRows(): ExpectedRow[] {
  const kept = new Set(readdirSync(FIXTURES));
  const lines = readFileSync(path.join(FIXTURES, 'EXPECTED.tsv'), 'utf8').trim().split('\n');
  return lines
    .slice(1)
    .map((line) => {
      const [
        file = '',
        make = '',
        model = '',
        datetime = '',
        orientation = '',
        lat = '',
        lon = '',
        width = '',
        height = '',
        mime = '',
      ] = line.split('\t');
      return { file, make, model, datetime, orientation, lat, lon, width, height, mime };
    })
    .filter((row) => kept.has(row.file));
}

const orNull = (value: string): string | null => (value === '-' ? null : value);

/** exiftool's 'YYYY:MM:DD HH:MM:SS' as our ISO form; its zero placeholder means "no time". */
function expectedTime(value: string): string | null {
  if (value === '-' || value.startsWith('0000:00:00')) return null;
  return value.replace(/^(\d{4}):(\d\d):(\d\d) /, '$1-$2-$3T');
}

const rows = expectedRows();

describe('image metadata agrees with exiftool', () => {
  it('covers the fixture set', () => {
    expect(rows.length).toBe(26);
  });

  it.each(rows.map((row) => [row.file, row] as const))('%s', async (_name, row) => {
    const { metadata } = await probeImage(path.join(FIXTURES, row.file));
    expect(metadata.make).toBe(orNull(row.make));
    expect(metadata.model).toBe(orNull(row.model));
    if (row.file === 'Nikon_D5000.jpg') {
      // IFD0 has no Orientation; exiftool shows the thumbnail's (IFD1) tag, which no decoder applies.
      expect(metadata.orientation).toBeNull();
    } else {
      expect(metadata.orientation).toBe(row.orientation === '-' ? null : Number(row.orientation));
    }
    if (row.lat === '-') {
      expect(metadata.gps?.latitude ?? null).toBeNull();
      expect(metadata.gps?.longitude ?? null).toBeNull();
      // The flag says the file carries GPS data: an altitude alone counts (Nikon_D5000.jpg).
      expect(metadata.flags.gps).toBe(metadata.gps !== null);
    } else {
      expect(metadata.flags.gps).toBe(true);
      expect(metadata.gps?.latitude).toBeCloseTo(Number(row.lat), 4);
      expect(metadata.gps?.longitude).toBeCloseTo(Number(row.lon), 4);
    }
    const time = metadata.capturedAt?.slice(0, 19) ?? null;
    // Issue_16.tif keeps its Exif sub-IFD at the very end of a 1.8 MB file, past EXIF_MAX_BYTES.
    expect(time).toBe(expectedTime(row.datetime));
    if (row.mime === 'image/heic') {
      // libheif applies the HEIF rotation itself, so sharp's "stored" size is already upright.
      expect([metadata.displayWidth, metadata.displayHeight]).toEqual([
        metadata.width,
        metadata.height,
      ]);
      expect([metadata.width, metadata.height].sort()).toEqual(
        [Number(row.width), Number(row.height)].sort(),
      );
    } else {
      expect([metadata.width, metadata.height]).toEqual([Number(row.width), Number(row.height)]);
    }
  });
});

describe('metadata traps', () => {
  it('reads the zero date as no capture time', async () => {
    const { metadata } = await probeImage(path.join(FIXTURES, 'Sanyo_S1.jpg'));
    expect(metadata.capturedAt).toBeNull();
    expect(metadata.make).toBe('SANYO Electric Co.,Ltd');
  });

  it('keeps the time-zone offset when the camera recorded one, with EXIF at the end of a HEIC', async () => {
    const { metadata } = await probeImage(path.join(FIXTURES, 'exif-at-eof.heic'));
    expect(metadata.capturedAt).toBe('2020-05-04T18:39:11-04:00');
    expect(metadata.gps?.latitude).toBeCloseTo(47.2071240555639, 6);
  });

  it('does not rotate a HEIC twice: EXIF says 6 but the decoder already applied the HEIF rotation', async () => {
    const { metadata } = await probeImage(path.join(FIXTURES, 'Issue_263_dotnet.heic'));
    expect(metadata.orientation).toBe(6);
    expect([metadata.displayWidth, metadata.displayHeight]).toEqual([3024, 4032]);
  });

  it("reads a TIFF's capture time from an Exif directory far past the EXIF cap, from a path or bytes", async () => {
    const tiff = bigEndianTiff({
      width: 64,
      height: 64,
      ifdOffset: 200_000,
      dateTimeOriginal: '2024:02:29 13:45:00',
    });
    expect((await probeImage(tiff)).metadata.capturedAt).toBe('2024-02-29T13:45:00');
    const placeholder = bigEndianTiff({
      width: 8,
      height: 8,
      ifdOffset: 100_000,
      dateTimeOriginal: '0000:00:00 00:00:00',
    });
    expect((await probeImage(placeholder)).metadata.capturedAt).toBeNull();
  });

  it('swaps the displayed size for orientations 5 to 8', async () => {
    const { metadata } = await probeImage(path.join(FIXTURES, 'orient_Landscape_8.jpg'));
    expect([metadata.width, metadata.height]).toEqual([1200, 1800]);
    expect([metadata.displayWidth, metadata.displayHeight]).toEqual([1800, 1200]);
  });

  it('gives altitude, and negative longitude west of Greenwich', async () => {
    const { metadata } = await probeImage(path.join(FIXTURES, 'FujiFilm_FinePixS1Pro_5.jpg'));
    expect(metadata.gps?.longitude).toBeLessThan(0);
    const htc = await probeImage(path.join(FIXTURES, 'HTC_Desire.jpg'));
    expect(htc.metadata.gps?.altitude).toBe(217);
  });

  it('keeps a GPS altitude recorded without a position, and flags the GPS', async () => {
    // exiftool 12.57: GPSAltitude 324.145, GPSAltitudeRef 0, GPSLatitude empty.
    const { metadata } = await probeImage(path.join(FIXTURES, 'Nikon_D5000.jpg'));
    expect(metadata.gps).toEqual({ latitude: null, longitude: null, altitude: 324.145 });
    expect(metadata.flags.gps).toBe(true);
    const none = await probeImage(path.join(FIXTURES, 'Canon_EOS_D60.jpg'));
    expect(none.metadata.gps).toBeNull();
    expect(none.metadata.flags.gps).toBe(false);
  });

  it('reports XMP as bounded plain text and notes IPTC', async () => {
    const { metadata } = await probeImage(path.join(FIXTURES, 'Issue_280_dotnet.png'));
    expect(metadata.hasXmp).toBe(true);
    expect(metadata.xmp).toContain('x:xmpmeta');
    expect(metadata.hasIptc).toBe(false);
    const fuji = await probeImage(path.join(FIXTURES, 'FujiFilm_FinePixS1Pro_5.jpg'));
    expect(fuji.metadata.hasIptc).toBe(true);
    expect(JSON.parse(JSON.stringify(fuji.metadata))).toEqual(fuji.metadata);
  });

  it('reads camera strings written by an attacker as short plain text', async () => {
    const hostile = 'Evil\u202e<img src=x onerror=alert(1)>' + 'A'.repeat(5000);
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({ IFD0: { Make: hostile, Model: 'Cam\u0000era' } })
      .toBuffer();
    const { metadata } = await probeImage(jpeg);
    expect(metadata.make?.length).toBeLessThanOrEqual(128);
    expect(metadata.make).not.toContain('\u202e');
    expect(metadata.model).toBe('Cam');
  });
});

describe('toDisplayText', () => {
  it('decodes bytes, drops controls and NUL padding, and never splits a surrogate pair', () => {
    expect(toDisplayText(Buffer.from('Caf\u00e9\u0000\u0000junk', 'utf8'), 50)).toBe('Caf\u00e9');
    expect(toDisplayText('a\u0007b\nc', 50)).toBe('a b c');
    expect(toDisplayText('a\nb', 50, { multiline: true })).toBe('a\nb');
    expect(toDisplayText('x\u{1F600}', 2)).toBe('x');
    expect(toDisplayText(42, 10)).toBeNull();
    expect(toDisplayText('   ', 10)).toBeNull();
  });

  it('returns plain JSON data for an image without EXIF', async () => {
    const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const metadata = readImageMetadata(await sharp(png).metadata());
    expect(metadata).toMatchObject({ format: 'png', width: 4, height: 3, make: null, gps: null });
    expect(metadata.flags).toEqual({ gps: false, animated: false, multiPage: false });
  });
});
