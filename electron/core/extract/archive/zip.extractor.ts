// ZIP archives, read by yauzl from memory inside the decode process. Members become children (the
// archive stays the parent); names are decoded here (UTF-8 when the entry says so, else CP437) and
// neutralised, so '../' or '/etc' names are labels, never paths. Bombs are bounded on the bytes
// actually inflated, not the sizes the archive declares: each member, the total (shared with every
// level above, through limits.maxTotalBytes), the ratio to the archive's size, and the count. An
// encrypted member is not decrypted: the archive is kept whole with the 'encrypted' flag.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import iconv from 'iconv-lite';
import {
  emptyResult,
  type ExtractLimits,
  type Extractor,
  type ExtractResult,
} from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { neutralisePath } from '../inner-path.ts';

class OverLimit extends Error {}

function open(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    );
  });
}

function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  // General-purpose bit 11: the name is UTF-8; otherwise the DOS code page of the original spec.
  return (entry.generalPurposeBitFlag & 0x800) !== 0
    ? raw.toString('utf8')
    : iconv.decode(raw, 'cp437');
}

function readEntry(zip: ZipFile, entry: Entry, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > cap) {
          stream.destroy(new OverLimit('over the unpacking limits'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

async function unpack(
  zip: ZipFile,
  packed: number,
  limits: ExtractLimits,
  result: ExtractResult,
): Promise<void> {
  const ratioCap = Math.max(packed, 1) * limits.maxRatio;
  let total = 0;
  let members = 0;
  let encrypted = 0;
  for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
    const name = entryName(entry);
    if (name.endsWith('/')) continue;
    members++;
    if (entry.isEncrypted()) {
      encrypted++;
      continue;
    }
    if (result.children.length >= limits.maxChildren) {
      throw new OverLimit(`more than ${limits.maxChildren} members`);
    }
    const left = Math.min(limits.maxTotalBytes, ratioCap) - total;
    const cap = Math.min(limits.maxChildBytes, left);
    // The declared size is checked first (cheap), the inflated bytes always.
    if (entry.uncompressedSize > cap) throw new OverLimit('a member is over the unpacking limits');
    const bytes = await readEntry(zip, entry, cap);
    total += bytes.length;
    const modified = entry.getLastModDate();
    result.children.push({
      path: neutralisePath(name),
      bytes,
      modifiedAt: Number.isNaN(modified.getTime()) ? null : modified.toISOString(),
    });
  }
  result.facts = { members, encryptedMembers: encrypted, unpackedBytes: total };
  if (encrypted > 0) {
    result.flags.push('encrypted');
    // An encrypted archive is one piece of evidence: its readable members are not split from it.
    result.children = [];
  }
}

export const extractZip: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = emptyResult('archive');
  result.mime = 'application/zip';
  const zip = await open(buffer);
  try {
    await unpack(zip, buffer.length, limits, result);
  } catch (e) {
    if (!(e instanceof OverLimit)) throw e;
    // A bomb: nothing of it is unpacked; the archive itself stays, whole and hashed.
    result.children = [];
    result.damaged = `not unpacked: ${e.message} (zip bomb limits)`;
  } finally {
    zip.close();
  }
  return result;
};
