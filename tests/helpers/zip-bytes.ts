// Test support: byte-level surgery on a small (non-ZIP64) ZIP, as an attacker with a hex editor
// would do it: bytes inserted with every offset after them moved, a comment, an extra directory
// record, changed file modes. Structure: PKWARE APPNOTE sections 4.3.12 and 4.3.16.
const EOCD = 0x06054b50;
const CD_RECORD = 0x02014b50;

interface Layout {
  eocd: number;
  cdOffset: number;
  cdSize: number;
  records: { at: number; length: number; name: string }[];
}

function layout(zip: Buffer): Layout {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || zip.readUInt32LE(eocd) !== EOCD) throw new Error('no end record');
  const cdOffset = zip.readUInt32LE(eocd + 16);
  const cdSize = zip.readUInt32LE(eocd + 12);
  const records: Layout['records'] = [];
  for (let at = cdOffset; at < cdOffset + cdSize;) {
    if (zip.readUInt32LE(at) !== CD_RECORD) throw new Error(`no directory record at ${at}`);
    const n = zip.readUInt16LE(at + 28);
    const length = 46 + n + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    records.push({ at, length, name: zip.subarray(at + 46, at + 46 + n).toString('utf8') });
    at += length;
  }
  return { eocd, cdOffset, cdSize, records };
}

/** `bytes` inserted at `at` (before the central directory), every offset behind them moved. */
export function insertBytes(zip: Buffer, at: number, bytes: Buffer): Buffer {
  const l = layout(zip);
  const out = Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]);
  const moved = (offset: number) => (offset >= at ? offset + bytes.length : offset);
  for (const r of l.records) {
    const record = moved(r.at);
    out.writeUInt32LE(moved(out.readUInt32LE(record + 42)), record + 42);
  }
  out.writeUInt32LE(moved(l.cdOffset), moved(l.eocd) + 16);
  return out;
}

/** The end record's comment replaced by `comment`. */
export function withComment(zip: Buffer, comment: string): Buffer {
  const l = layout(zip);
  const text = Buffer.from(comment, 'latin1');
  const out = Buffer.concat([zip.subarray(0, l.eocd + 22), text]);
  out.writeUInt16LE(text.length, l.eocd + 20);
  return out;
}

/** A second directory record for the entry named `name`, appended to the directory. */
export function duplicateRecord(zip: Buffer, name: string): Buffer {
  const l = layout(zip);
  const r = l.records.find((x) => x.name === name);
  if (!r) throw new Error(`${name} is not in the ZIP`);
  const end = l.cdOffset + l.cdSize;
  const out = Buffer.concat([
    zip.subarray(0, end),
    zip.subarray(r.at, r.at + r.length),
    zip.subarray(end),
  ]);
  const eocd = l.eocd + r.length;
  out.writeUInt16LE(out.readUInt16LE(eocd + 8) + 1, eocd + 8);
  out.writeUInt16LE(out.readUInt16LE(eocd + 10) + 1, eocd + 10);
  out.writeUInt32LE(l.cdSize + r.length, eocd + 12);
  return out;
}

/** The Unix mode (type and permission bits) of the entry named `name`, made by Unix. */
export function withMode(zip: Buffer, name: string, mode: number): Buffer {
  const out = Buffer.from(zip);
  const r = layout(out).records.find((x) => x.name === name);
  if (!r) throw new Error(`${name} is not in the ZIP`);
  out.writeUInt8(3, r.at + 5);
  out.writeUInt32LE(((mode << 16) | (out.readUInt32LE(r.at + 38) & 0xffff)) >>> 0, r.at + 38);
  return out;
}

/** Where the stored or deflated data of the entry named `name` lies. */
export function dataOf(zip: Buffer, name: string): { start: number; end: number } {
  const l = layout(zip);
  const r = l.records.find((x) => x.name === name);
  if (!r) throw new Error(`${name} is not in the ZIP`);
  const local = zip.readUInt32LE(r.at + 42);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  return { start, end: start + zip.readUInt32LE(r.at + 20) };
}

/** Where the entry named `name` ends (its data, plus a data descriptor if it has one). */
export function entryEnd(zip: Buffer, name: string): number {
  const l = layout(zip);
  const index = l.records.findIndex((x) => x.name === name);
  const next = l.records
    .map((r) => zip.readUInt32LE(r.at + 42))
    .filter((o) => o > zip.readUInt32LE((l.records[index]?.at ?? 0) + 42));
  return next.length ? Math.min(...next) : l.cdOffset;
}
