// The members of a ZIP held in memory (a DOCX, an ODT, a WACZ, a WhatsApp export), read whole
// under the extract limits: a member's declared and actual size, the total over members, the
// expansion ratio and the member count all bound what hostile input can make us inflate. yauzl
// checks each member's actual size against its declared one as it streams.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { ExtractLimits } from './extract-result.ts';

export interface ZipMember {
  /** The name as stored ('/'-separated); label only, nothing is written by it. */
  name: string;
  bytes: Uint8Array;
  modifiedAt: string | null;
}

export interface ZipReading {
  members: ZipMember[];
  /** Members skipped because a limit was reached or they are encrypted. */
  skipped: { name: string; reason: string }[];
}

/** Reads the members `want` accepts (every file when omitted), within `limits`. */
export async function readZipMembers(
  bytes: Uint8Array,
  limits: ExtractLimits,
  want: (name: string) => boolean = () => true,
): Promise<ZipReading> {
  const zip = await yauzl.fromBufferPromise(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    },
  );
  const reading: ZipReading = { members: [], skipped: [] };
  let total = 0;
  try {
    for await (const entry of entries(zip)) {
      const name = entry.fileName;
      if (name.endsWith('/') || !want(name)) continue;
      const reason = refusal(entry, limits, total, reading.members.length);
      if (reason) {
        reading.skipped.push({ name, reason });
        continue;
      }
      const data = await readWhole(zip, entry);
      total += data.length;
      reading.members.push({ name, bytes: data, modifiedAt: modified(entry) });
    }
  } finally {
    zip.close();
  }
  return reading;
}

function refusal(entry: Entry, limits: ExtractLimits, total: number, count: number): string | null {
  if (entry.isEncrypted()) return 'encrypted';
  if (count >= limits.maxChildren) return 'too many members';
  if (entry.uncompressedSize > limits.maxChildBytes) return 'larger than the size limit';
  if (total + entry.uncompressedSize > limits.maxTotalBytes) return 'over the total size limit';
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (ratio > limits.maxRatio) return 'expands beyond the ratio limit';
  return null;
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = new Promise<Entry | null>((resolve, reject) => {
      zip.once('entry', resolve);
      zip.once('end', () => resolve(null));
      zip.once('error', reject);
    });
    zip.readEntry();
    const entry = await next;
    zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
    if (!entry) return;
    yield entry;
  }
}

async function readWhole(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function modified(entry: Entry): string | null {
  const d = entry.getLastModDate();
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
