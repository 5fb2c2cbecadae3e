// A TIFF's capture time, wherever the file keeps it. In a TIFF the EXIF structure is the file
// itself, and the Exif sub-directory may sit anywhere (at the very end of a 1.8 MB scan, say),
// far past the EXIF_MAX_BYTES that exif-reader is given. This follows the two offsets that lead
// to DateTimeOriginal with a few small bounded reads, and parses nothing else.

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

export interface TiffCaptureTime {
  /** DateTimeOriginal exactly as stored: 'YYYY:MM:DD HH:MM:SS'. */
  dateTime: string;
  /** OffsetTimeOriginal ('+01:00'), when recorded. */
  offset: string | null;
}

const EXIF_IFD_POINTER = 0x8769;
const DATE_TIME_ORIGINAL = 0x9003;
const OFFSET_TIME_ORIGINAL = 0x9011;
const ASCII = 2;
/** More entries than any real directory holds: a claim beyond it is not read. */
const MAX_ENTRIES = 1000;
/** The two values read are 20 and 7 bytes; anything much longer is not a time. */
const MAX_TEXT = 64;

interface Entry {
  type: number;
  count: number;
  /** The 4-byte value field: the value itself when it fits, else where it lies. */
  field: DataView;
}

/** DateTimeOriginal (and its offset) of a classic TIFF, or null if absent or unreadable. */
export async function readTiffCaptureTime(read: ReadAt): Promise<TiffCaptureTime | null> {
  const header = view(await read(0, 8));
  if (header.byteLength < 8) return null;
  const order = header.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  if (header.getUint16(2, little) !== 42) return null; // BigTIFF (43) is not followed
  const ifd0 = await readDirectory(read, header.getUint32(4, little), little);
  const pointer = ifd0?.get(EXIF_IFD_POINTER);
  if (!pointer) return null;
  const exif = await readDirectory(read, pointer.field.getUint32(0, little), little);
  const dateTime = exif && (await readText(read, exif.get(DATE_TIME_ORIGINAL), little));
  if (!dateTime) return null;
  const offset = await readText(read, exif.get(OFFSET_TIME_ORIGINAL), little);
  return { dateTime, offset };
}

async function readDirectory(
  read: ReadAt,
  at: number,
  little: boolean,
): Promise<Map<number, Entry> | null> {
  if (at < 8) return null;
  const head = view(await read(at, 2));
  if (head.byteLength < 2) return null;
  const count = head.getUint16(0, little);
  if (count === 0 || count > MAX_ENTRIES) return null;
  const body = view(await read(at + 2, count * 12));
  const entries = new Map<number, Entry>();
  for (let p = 0; p + 12 <= body.byteLength; p += 12) {
    entries.set(body.getUint16(p, little), {
      type: body.getUint16(p + 2, little),
      count: body.getUint32(p + 4, little),
      field: new DataView(body.buffer, body.byteOffset + p + 8, 4),
    });
  }
  return entries;
}

async function readText(
  read: ReadAt,
  entry: Entry | undefined,
  little: boolean,
): Promise<string | null> {
  if (!entry || entry.type !== ASCII || entry.count === 0 || entry.count > MAX_TEXT) return null;
  const bytes =
    entry.count <= 4
      ? new Uint8Array(entry.field.buffer, entry.field.byteOffset, entry.count)
      : await read(entry.field.getUint32(0, little), entry.count);
  const text = String.fromCharCode(...bytes)
    .split('\0')[0]!
    .trim();
  return text.length > 0 ? text : null;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
