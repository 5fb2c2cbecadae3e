// The packet's own ZIP writer against the tools a recipient has (Info-ZIP's unzip and zipinfo), the
// reader the verifier uses (yauzl) and the verifier's byte-for-byte layout check, including an
// original past 4 GiB, which needs ZIP64. That file is sparse: only the ZIP's headers are written,
// the zeros of its data are holes, so the test needs no 4 GiB of disk.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { checkLayout } from './zip-layout.ts';
import {
  fileReadAt,
  listEntries,
  openZipFile,
  readEntry,
  closeZip,
  entryName,
} from './zip-read.ts';
import { ZipStream } from './zip-stream.ts';

let dir: { path: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir('custody-zip-stream-');
});
afterAll(() => dir.cleanup());

const mtime = new Date(2026, 11, 1, 23, 58, 30);
const meta = (path: string) => ({ path, mtime, mode: 0o100600 });

function* pieces(data: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function collect(parts: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

/** The entries and layout problems of the ZIP at `path`, and the open ZIP (closeZip closes it). */
async function layoutOf(path: string) {
  const fh = await open(path, 'r');
  const size = (await fh.stat()).size;
  const zip = await openZipFile(fh, size);
  const entries = await listEntries(zip);
  const problems = await checkLayout(fileReadAt(fh), size, entries);
  opened.push(fh);
  return { entries, problems, zip };
}
const opened: FileHandle[] = [];
afterAll(() => Promise.all(opened.map((fh) => fh.close())));

describe('ZipStream', () => {
  it('writes deflated, stored and streamed entries that unzip, yauzl and the layout check accept', async () => {
    const manifest = Buffer.from(JSON.stringify({ a: 'x'.repeat(5000) }));
    const original = randomBytes(300_000);
    const zip = new ZipStream();
    const bytes = Buffer.concat([
      ...zip.buffer(meta('manifest.json'), manifest, true),
      ...zip.buffer(meta('manifest.sig'), Buffer.from('sig'), false),
      ...(await collect(zip.stream(meta('evidence/ab-photo é.jpg'), pieces(original, 65_536)))),
      ...(await collect(zip.stream(meta('evidence/empty.bin'), pieces(Buffer.alloc(0), 1)))),
      zip.end(),
    ]);
    const path = join(dir.path, 'small.zip');
    await writeFile(path, bytes);
    expect(execFileSync('unzip', ['-tq', path], { encoding: 'utf8' })).toMatch(/No errors/);
    // Mode 0600 and the local modification time, as unzip shows them.
    expect(execFileSync('zipinfo', [path, 'manifest.json'], { encoding: 'utf8' })).toMatch(
      /^-rw------- .* 26-Dec-01 23:58 manifest\.json$/m,
    );
    const { entries, problems, zip: z } = await layoutOf(path);
    try {
      expect(problems).toEqual([]);
      expect(entries.map(entryName)).toEqual([
        'manifest.json',
        'manifest.sig',
        'evidence/ab-photo é.jpg',
        'evidence/empty.bin',
      ]);
      expect((await readEntry(z, entries[0]!, 1 << 20)).equals(manifest)).toBe(true);
      expect((await readEntry(z, entries[2]!, 1 << 20)).equals(original)).toBe(true);
      expect(entries[0]!.compressedSize).toBeLessThan(manifest.length);
      expect(entries[2]!.compressionMethod).toBe(0);
    } finally {
      closeZip(z);
    }
  });

  it('goes ZIP64 for an original past 4 GiB and for what follows it', async () => {
    const zeros = Buffer.alloc(16 << 20);
    const size = 2 ** 32 + 65_536;
    function* big(): Generator<Buffer> {
      for (let left = size; left > 0; left -= zeros.length)
        yield zeros.subarray(0, Math.min(left, zeros.length));
    }
    const path = join(dir.path, 'big.zip');
    const fh = await open(path, 'w');
    const zip = new ZipStream();
    let at = 0;
    // Headers and descriptors are written at their offsets; the zeros are left as holes.
    const put = async (b: Buffer, data = false) => {
      if (!data) await fh.write(b, 0, b.length, at);
      at += b.length;
    };
    try {
      for (const b of zip.buffer(meta('manifest.json'), Buffer.from('{}'), true)) await put(b);
      for await (const b of zip.stream(meta('evidence/huge.bin'), big()))
        await put(b, b.buffer === zeros.buffer);
      for (const b of zip.buffer(meta('report.html'), Buffer.from('<p>after</p>'), false))
        await put(b);
      await put(zip.end());
    } finally {
      await fh.close();
    }
    const { entries, problems, zip: z } = await layoutOf(path);
    try {
      expect(problems).toEqual([]);
      expect(entries.map((e) => [entryName(e), e.uncompressedSize])).toEqual([
        ['manifest.json', 2],
        ['evidence/huge.bin', size],
        ['report.html', 12],
      ]);
      expect((await readEntry(z, entries[2]!, 100)).toString()).toBe('<p>after</p>');
    } finally {
      closeZip(z);
    }
    expect(execFileSync('unzip', ['-l', path], { encoding: 'utf8' })).toMatch(
      new RegExp(`^\\s*${size}\\s.*evidence/huge\\.bin$`, 'm'),
    );
    expect((await stat(path)).size).toBe(at);
  });
});
