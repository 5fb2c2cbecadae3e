// The packet's ZIP byte for byte: every byte must belong to a listed entry (its local header, its
// data, its data descriptor), to the central directory or to the end records, in that order with
// no gap, overlap or comment; and every entry must be a regular file (or the `evidence/` or
// `text/` folder).
// Whatever else a file carries (a prepended script, a replaced comment, bytes hidden between
// entries, a second directory record) is not covered by the signature and would reach the
// recipient's unzip tool unchecked. ZIP structure: PKWARE APPNOTE 6.3.10, sections 4.3 and 4.4.
import type { Problem } from './verdict.ts';
import { entryName, type ReadAt, type ZipEntry } from './zip-read.ts';

const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const MADE_BY_UNIX = 3;
const DIRECTORY_ENTRIES = new Set(['evidence/', 'text/']);

const extra = (message: string): Problem => ({ code: 'zip-extra-bytes', message });

type Kind = 'file' | 'directory' | 'symlink' | 'other';

/** What the entry would become when extracted: Unix mode bits when made on Unix, else DOS flags. */
function kindOf(e: ZipEntry, name: string): Kind {
  const dosDirectory = (e.externalFileAttributes & 0x10) !== 0 || name.endsWith('/');
  if (e.versionMadeBy >> 8 === MADE_BY_UNIX) {
    const type = (e.externalFileAttributes >>> 16) & 0o170000;
    if (type === 0o100000) return name.endsWith('/') ? 'other' : 'file';
    if (type === 0o040000) return 'directory';
    if (type === 0o120000) return 'symlink';
    if (type !== 0) return 'other';
  }
  return dosDirectory ? 'directory' : 'file';
}

/** Entries that are not regular files: symlinks, devices, and folders other than the two listed. */
export function checkEntryKinds(entries: readonly ZipEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const e of entries) {
    const name = entryName(e);
    const kind = kindOf(e, name);
    if (kind === 'file') continue;
    if (kind === 'directory' && DIRECTORY_ENTRIES.has(name) && e.uncompressedSize === 0) continue;
    problems.push({
      code: 'entry-not-file',
      message: `${name} is ${kind === 'other' ? 'a special file' : `a ${kind}`}, not a regular file of the packet.`,
      path: name,
    });
  }
  return problems;
}

const isZip64 = (e: ZipEntry) => e.extraFields.some((f) => f.id === ZIP64_EXTRA);

/** Where the entry's bytes end, or a problem when its local header disagrees with the directory. */
async function entryEnd(read: ReadAt, e: ZipEntry): Promise<number | Problem> {
  const name = entryName(e);
  const at = e.relativeOffsetOfLocalHeader;
  const header = await read(at, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
    return { code: 'zip-structure', message: `${name} has no local header.`, path: name };
  const nameLength = header.readUInt16LE(26);
  const localName = await read(at + 30, nameLength);
  if (!localName.equals(e.fileNameRaw))
    return {
      code: 'zip-structure',
      message: `The local header of ${name} names another file: unzip tools would see a different name.`,
      path: name,
    };
  const dataEnd = at + 30 + nameLength + header.readUInt16LE(28) + e.compressedSize;
  if ((e.generalPurposeBitFlag & 0x8) === 0) return dataEnd;
  // A data descriptor: CRC-32 and sizes after the data, with an optional signature.
  const d = await read(dataEnd, 24);
  const signed = d.length >= 4 && d.readUInt32LE(0) === DESCRIPTOR ? 4 : 0;
  const wide = isZip64(e);
  const length = signed + 4 + (wide ? 16 : 8);
  const sizes = wide
    ? [Number(d.readBigUInt64LE(signed + 4)), Number(d.readBigUInt64LE(signed + 12))]
    : [d.readUInt32LE(signed + 4), d.readUInt32LE(signed + 8)];
  if (
    d.length < length ||
    d.readUInt32LE(signed) !== e.crc32 ||
    sizes[0] !== e.compressedSize ||
    sizes[1] !== e.uncompressedSize
  )
    return {
      code: 'zip-structure',
      message: `The data descriptor of ${name} disagrees with the directory.`,
      path: name,
    };
  return dataEnd + length;
}

/** The central directory's place and size from the end records, which must end the file exactly. */
async function directory(
  read: ReadAt,
  size: number,
): Promise<{ offset: number; size: number; end: number } | Problem> {
  const eocd = await read(size - 22, 22);
  if (eocd.length !== 22 || eocd.readUInt32LE(0) !== EOCD || eocd.readUInt16LE(20) !== 0)
    return extra('The ZIP does not end with its end record: a comment or other bytes follow it.');
  const cd = { offset: eocd.readUInt32LE(16), size: eocd.readUInt32LE(12), end: size - 22 };
  if (cd.offset !== 0xffffffff && cd.size !== 0xffffffff) return cd;
  const locator = await read(size - 42, 20);
  if (locator.length !== 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR)
    return { code: 'zip-structure', message: 'The ZIP64 end locator is missing.' };
  const at = Number(locator.readBigUInt64LE(8));
  const record = await read(at, 56);
  // 44 bytes after the size field: a record with no extensible data, ending at the locator.
  if (
    record.length !== 56 ||
    record.readUInt32LE(0) !== ZIP64_EOCD ||
    Number(record.readBigUInt64LE(4)) !== 44 ||
    at + 56 !== size - 42
  )
    return extra('The ZIP64 end record is not where the locator says, or carries extra data.');
  return {
    offset: Number(record.readBigUInt64LE(48)),
    size: Number(record.readBigUInt64LE(40)),
    end: at,
  };
}

/** Every byte of the ZIP accounted for, in order: entries from offset 0, directory, end records. */
export async function checkLayout(
  read: ReadAt,
  size: number,
  entries: readonly ZipEntry[],
): Promise<Problem[]> {
  const cd = await directory(read, size);
  if ('code' in cd) return [cd];
  let cursor = 0;
  for (const e of [...entries].sort(
    (a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader,
  )) {
    const at = e.relativeOffsetOfLocalHeader;
    if (at !== cursor)
      return [
        extra(
          at > cursor
            ? `${at - cursor} bytes at offset ${cursor} are not part of any listed entry.`
            : `${entryName(e)} overlaps the entry before it.`,
        ),
      ];
    const end = await entryEnd(read, e);
    if (typeof end !== 'number') return [end];
    cursor = end;
  }
  if (cd.offset !== cursor)
    return [extra(`${cd.offset - cursor} bytes before the central directory belong to no entry.`)];
  const records = entries.reduce(
    (n, e) => n + 46 + e.fileNameLength + e.extraFieldLength + e.fileCommentLength,
    0,
  );
  if (entries.some((e) => e.fileCommentLength > 0))
    return [extra('An entry of the central directory carries a comment.')];
  if (records !== cd.size || cd.offset + cd.size !== cd.end)
    return [extra('The central directory holds records or bytes beyond the listed entries.')];
  return [];
}
