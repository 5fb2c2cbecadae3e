import { deflateSync } from 'node:zlib';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A tiny, well-formed PNG whose header claims width × height pixels: a decompression bomb's shape. */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface TiffOptions {
  width: number;
  height: number;
  /** Where the first directory goes; the pixels come first, so it can lie far into the file. */
  ifdOffset: number;
  /** EXIF DateTimeOriginal ('YYYY:MM:DD HH:MM:SS'), written in an Exif sub-directory after IFD0. */
  dateTimeOriginal?: string;
}

/**
 * A valid big-endian ('MM') uncompressed 8-bit grey TIFF, laid out as cameras and scanners may:
 * header, pixels, then the directories at `ifdOffset`. Pixels are a gradient.
 */
export function bigEndianTiff(o: TiffOptions): Buffer {
  const pixels = o.width * o.height;
  if (o.ifdOffset < 8 + pixels) throw new RangeError('ifdOffset must leave room for the pixels');
  const entries: [tag: number, type: number, value: number][] = [
    [256, 4, o.width], // ImageWidth, LONG
    [257, 4, o.height], // ImageLength
    [258, 3, 8], // BitsPerSample, SHORT
    [259, 3, 1], // Compression: none
    [262, 3, 1], // PhotometricInterpretation: BlackIsZero
    [273, 4, 8], // StripOffsets
    [277, 3, 1], // SamplesPerPixel
    [278, 4, o.height], // RowsPerStrip
    [279, 4, pixels], // StripByteCounts
  ];
  const ifd0Size = 2 + 12 * (entries.length + 1) + 4;
  const exifAt = o.ifdOffset + ifd0Size;
  if (o.dateTimeOriginal !== undefined) entries.push([34665, 4, exifAt]); // ExifIFD pointer
  const directory = (list: typeof entries): Buffer => {
    const b = Buffer.alloc(2 + 12 * list.length + 4);
    b.writeUInt16BE(list.length, 0);
    list.forEach(([tag, type, value], i) => {
      const p = 2 + 12 * i;
      b.writeUInt16BE(tag, p);
      b.writeUInt16BE(type, p + 2);
      b.writeUInt32BE(1, p + 4);
      if (type === 3) b.writeUInt16BE(value, p + 8);
      else b.writeUInt32BE(value, p + 8);
    });
    return b;
  };
  const parts: Buffer[] = [Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 0])];
  parts[0]!.writeUInt32BE(o.ifdOffset, 4);
  parts.push(Buffer.from(Uint8Array.from({ length: pixels }, (_, i) => (i * 7) % 256)));
  parts.push(Buffer.alloc(o.ifdOffset - 8 - pixels));
  const ifd0 = directory(entries);
  parts.push(ifd0, Buffer.alloc(ifd0Size - ifd0.length));
  if (o.dateTimeOriginal !== undefined) {
    const text = Buffer.from(`${o.dateTimeOriginal}\0`, 'latin1');
    const exif = Buffer.alloc(2 + 12 + 4);
    exif.writeUInt16BE(1, 0);
    exif.writeUInt16BE(36867, 2); // DateTimeOriginal, ASCII
    exif.writeUInt16BE(2, 4);
    exif.writeUInt32BE(text.length, 6);
    exif.writeUInt32BE(exifAt + exif.length, 10);
    parts.push(exif, text);
  }
  return Buffer.concat(parts);
}
