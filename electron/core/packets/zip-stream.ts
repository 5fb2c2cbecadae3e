// The packet's ZIP as a stream of bytes, entry after entry (PKWARE APPNOTE 6.3.10, 4.3): a local
// header and the data, then, for an original streamed from the blob store, a data descriptor with
// its CRC-32 and sizes; last the central directory and the end records, ZIP64 where an offset or
// size needs it. The layout is the one yazl writes (and zip-layout.ts checks), with CRC-32 from
// node:zlib: yazl's JavaScript CRC-32 was the slowest stage of a packet build.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryMeta {
  path: string;
  mtime: Date;
  /** Unix mode, file type bits included. */
  mode: number;
}

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8_NAME = 1 << 11;
const SIZES_AFTER_DATA = 1 << 3;
const STORED = 0;
const DEFLATED = 8;
const NEEDS_UTF8 = 20;
const NEEDS_ZIP64 = 45;
// Unix (3), APPNOTE 6.3.
const MADE_BY = (3 << 8) | 63;
const WIDE = 0xffffffff;
const MIN_DOS_DATE = new Date(1980, 0, 1);
const MAX_DOS_DATE = new Date(2107, 11, 31, 23, 59, 58);

interface Written {
  name: Buffer;
  meta: ZipEntryMeta;
  method: number;
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** DOS date and time, in local time as unzip tools show them. */
function dosDateTime(when: Date): { date: number; time: number } {
  const d = when < MIN_DOS_DATE ? MIN_DOS_DATE : when > MAX_DOS_DATE ? MAX_DOS_DATE : when;
  return {
    date: d.getDate() | ((d.getMonth() + 1) << 5) | ((d.getFullYear() - 1980) << 9),
    time: Math.floor(d.getSeconds() / 2) | (d.getMinutes() << 5) | (d.getHours() << 11),
  };
}

const wide = (e: Pick<Written, 'size' | 'compressed' | 'offset'>) =>
  e.size >= WIDE || e.compressed >= WIDE || e.offset >= WIDE;

function localHeader(e: Omit<Written, 'crc' | 'compressed' | 'size'>, known?: Written): Buffer {
  const b = Buffer.alloc(30);
  const { date, time } = dosDateTime(e.meta.mtime);
  b.writeUInt32LE(LOCAL, 0);
  b.writeUInt16LE(NEEDS_UTF8, 4);
  b.writeUInt16LE(e.flags, 6);
  b.writeUInt16LE(e.method, 8);
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  b.writeUInt32LE(known?.crc ?? 0, 14);
  b.writeUInt32LE(known?.compressed ?? 0, 18);
  b.writeUInt32LE(known?.size ?? 0, 22);
  b.writeUInt16LE(e.name.length, 26);
  b.writeUInt16LE(0, 28);
  return Buffer.concat([b, e.name]);
}

function descriptor(e: Written): Buffer {
  if (!wide(e)) {
    const b = Buffer.alloc(16);
    b.writeUInt32LE(DESCRIPTOR, 0);
    b.writeUInt32LE(e.crc, 4);
    b.writeUInt32LE(e.compressed, 8);
    b.writeUInt32LE(e.size, 12);
    return b;
  }
  const b = Buffer.alloc(24);
  b.writeUInt32LE(DESCRIPTOR, 0);
  b.writeUInt32LE(e.crc, 4);
  b.writeBigUInt64LE(BigInt(e.compressed), 8);
  b.writeBigUInt64LE(BigInt(e.size), 16);
  return b;
}

function centralRecord(e: Written): Buffer {
  // Info-ZIP's "UT" field: the modification time in UTC, as yazl and Info-ZIP write it.
  const ut = Buffer.alloc(9);
  ut.writeUInt16LE(0x5455, 0);
  ut.writeUInt16LE(5, 2);
  ut.writeUInt8(0b11, 4);
  const seconds = Math.floor(e.meta.mtime.getTime() / 1000);
  ut.writeInt32LE(Math.max(-0x80000000, Math.min(0x7fffffff, seconds)), 5);
  const zip64 = wide(e);
  let extra64 = Buffer.alloc(0);
  if (zip64) {
    extra64 = Buffer.alloc(28);
    extra64.writeUInt16LE(0x0001, 0);
    extra64.writeUInt16LE(24, 2);
    extra64.writeBigUInt64LE(BigInt(e.size), 4);
    extra64.writeBigUInt64LE(BigInt(e.compressed), 12);
    extra64.writeBigUInt64LE(BigInt(e.offset), 20);
  }
  const b = Buffer.alloc(46);
  const { date, time } = dosDateTime(e.meta.mtime);
  b.writeUInt32LE(CENTRAL, 0);
  b.writeUInt16LE(MADE_BY, 4);
  b.writeUInt16LE(zip64 ? NEEDS_ZIP64 : NEEDS_UTF8, 6);
  b.writeUInt16LE(e.flags, 8);
  b.writeUInt16LE(e.method, 10);
  b.writeUInt16LE(time, 12);
  b.writeUInt16LE(date, 14);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(zip64 ? WIDE : e.compressed, 20);
  b.writeUInt32LE(zip64 ? WIDE : e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt16LE(ut.length + extra64.length, 30);
  // Comment length, disk number and internal attributes stay zero.
  b.writeUInt32LE(((e.meta.mode & 0xffff) << 16) >>> 0, 38);
  b.writeUInt32LE(zip64 ? WIDE : e.offset, 42);
  return Buffer.concat([b, e.name, ut, extra64]);
}

function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const zip64 = count >= 0xffff || cdOffset >= WIDE || cdSize >= WIDE;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : count, 10);
  eocd.writeUInt32LE(zip64 ? WIDE : cdSize, 12);
  eocd.writeUInt32LE(zip64 ? WIDE : cdOffset, 16);
  if (!zip64) return eocd;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(ZIP64_EOCD, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(MADE_BY, 12);
  record.writeUInt16LE(NEEDS_ZIP64, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cdSize), 40);
  record.writeBigUInt64LE(BigInt(cdOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(ZIP64_LOCATOR, 0);
  locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, eocd]);
}

/** Writes entries in order; `bytes()` of each call are the ZIP's next bytes. */
export class ZipStream {
  readonly #written: Written[] = [];
  #offset = 0;

  /** A whole entry from memory: deflated or stored, its CRC-32 and sizes in the local header. */
  buffer(meta: ZipEntryMeta, data: Buffer, compress: boolean): Buffer[] {
    const body = compress ? deflateRawSync(data) : data;
    const e: Written = {
      name: Buffer.from(meta.path, 'utf8'),
      meta,
      method: compress ? DEFLATED : STORED,
      flags: UTF8_NAME,
      crc: crc32(data),
      compressed: body.length,
      size: data.length,
      offset: this.#offset,
    };
    return this.#emit(e, [localHeader(e, e), body]);
  }

  /** A stored entry whose bytes stream through `data`; each piece is yielded as it comes. */
  async *stream(
    meta: ZipEntryMeta,
    data: AsyncIterable<Buffer> | Iterable<Buffer>,
  ): AsyncGenerator<Buffer> {
    const start = { name: Buffer.from(meta.path, 'utf8'), meta, offset: this.#offset };
    const e: Written = {
      ...start,
      method: STORED,
      flags: UTF8_NAME | SIZES_AFTER_DATA,
      crc: 0,
      compressed: 0,
      size: 0,
    };
    const header = localHeader(e);
    this.#offset += header.length;
    yield header;
    for await (const piece of data) {
      e.crc = crc32(piece, e.crc);
      e.size += piece.length;
      this.#offset += piece.length;
      yield piece;
    }
    e.compressed = e.size;
    const tail = descriptor(e);
    this.#offset += tail.length;
    this.#written.push(e);
    yield tail;
  }

  /** The central directory and end records: the ZIP's last bytes. */
  end(): Buffer {
    const cdOffset = this.#offset;
    const directory = Buffer.concat(this.#written.map(centralRecord));
    return Buffer.concat([directory, endRecords(this.#written.length, cdOffset, directory.length)]);
  }

  #emit(e: Written, parts: Buffer[]): Buffer[] {
    for (const p of parts) this.#offset += p.length;
    this.#written.push(e);
    return parts;
  }
}
