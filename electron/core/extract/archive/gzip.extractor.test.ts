// A gzip that holds one file rather than a tar: its member is the child, named as the gzip stores
// it (Debian's gzip writes the name and time), else by the outer name less .gz; a bomb and a
// gzip cut short are kept whole and damaged.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { DEFAULT_LIMITS } from '../extract-result.ts';
import { extractArchive } from './archive.extractor.ts';
import { SENTENCES } from '../../../../tests/fixtures/written/index.ts';

const TEXT = Buffer.from(`${SENTENCES.arabic}\n${SENTENCES.russian}\n`.repeat(20));

/** The same gzip with FNAME set to `name` (RFC 1952 section 2.3.1). */
function withStoredName(gz: Buffer, name: string): Buffer {
  const head = Buffer.from(gz.subarray(0, 10));
  head[3] = (head[3] ?? 0) | 0x08;
  return Buffer.concat([head, Buffer.from(name, 'latin1'), Buffer.from([0]), gz.subarray(10)]);
}

describe('a gzip of one file', () => {
  it("takes the name and time Debian's gzip stored, whatever the outer name", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'custody-gz-'));
    try {
      const file = join(dir, 'threat_message.txt');
      await writeFile(file, TEXT);
      const when = new Date('2026-03-14T09:26:53Z');
      await utimes(file, when, when);
      execFileSync('gzip', ['-N', file]);
      const bytes = new Uint8Array(await readFile(`${file}.gz`));
      const result = await extractArchive({ bytes, name: 'renamed.gz' }, DEFAULT_LIMITS);
      expect(result).toMatchObject({ kind: 'archive', mime: 'application/gzip', damaged: null });
      expect(result.children.map((c) => [c.path, c.modifiedAt])).toEqual([
        ['threat_message.txt', when.toISOString()],
      ]);
      expect(Buffer.from(result.children[0]?.bytes ?? []).equals(TEXT)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('without a stored name, is called by the outer name less .gz', async () => {
    const result = await extractArchive(
      { bytes: gzipSync(TEXT), name: 'server.log.gz' },
      DEFAULT_LIMITS,
    );
    expect(result.children.map((c) => [c.path, c.modifiedAt])).toEqual([['server.log', null]]);
  });

  it('keeps a hostile stored name as a label, never a path', async () => {
    const bytes = withStoredName(gzipSync(TEXT), '../../etc/passwd');
    const result = await extractArchive({ bytes, name: 'x.gz' }, DEFAULT_LIMITS);
    expect(result.children.map((c) => c.path)).toEqual(['passwd']);
  });

  it('a gzip bomb is kept whole and damaged: nothing of it unpacked', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const result = await extractArchive({ bytes: bomb, name: 'bomb.gz' }, DEFAULT_LIMITS);
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/over the unpacking limits \(gzip bomb limits\)/);
  });

  it('a gzip cut short is damaged and says so', async () => {
    const whole = gzipSync(randomBytes(64 * 1024));
    const result = await extractArchive(
      { bytes: whole.subarray(0, whole.length >> 1), name: 'cut.gz' },
      DEFAULT_LIMITS,
    );
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/the gzip is cut short or malformed/);
  });
});
