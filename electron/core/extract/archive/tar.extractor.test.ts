// The tar reader on real tar bytes written by tar-stream's pack and by Debian's tar: members as
// children, links and devices skipped with their reason, hostile names neutralised, a tar bomb and
// a tar cut short kept as damaged evidence.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_LIMITS } from '../extract-result.ts';
import { extractArchive } from './archive.extractor.ts';
import { sniffBytes } from '../../media/sniff.ts';
import {
  SENTENCES,
  nestedTar,
  tarBomb,
  tarOf,
  truncatedTar,
} from '../../../../tests/fixtures/written/index.ts';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('tar archives', () => {
  it('members are children; links and devices skipped with the reason; names neutralised', async () => {
    const { bytes, innerGz } = await nestedTar();
    const result = await extractArchive({ bytes, name: 'outer.tar' }, DEFAULT_LIMITS);
    expect(result).toMatchObject({ kind: 'archive', mime: 'application/x-tar', damaged: null });
    expect(result.children.map((c) => c.path)).toEqual([
      'docs/arabic.txt',
      'escape.txt',
      'photos/photo.png',
      'inner.tar.gz',
    ]);
    expect(text(result.children[0]?.bytes ?? new Uint8Array())).toBe(`${SENTENCES.arabic}\n`);
    expect(Buffer.from(result.children[3]?.bytes ?? []).equals(innerGz)).toBe(true);
    expect(result.children[0]?.modifiedAt).toBe('2026-11-30T12:00:00.000Z');
    expect(result.facts['skipped']).toEqual([
      { path: 'passwd', type: 'symlink', reason: 'a symbolic link: never followed' },
      { path: 'again.txt', type: 'link', reason: 'a hard link: never followed' },
      { path: 'null', type: 'character-device', reason: 'a device node: never created' },
    ]);
  });

  it('a .tar.gz is gunzipped and read the same way', async () => {
    const { innerGz } = await nestedTar();
    const result = await extractArchive({ bytes: innerGz, name: 'x' }, DEFAULT_LIMITS);
    expect(result).toMatchObject({ mime: 'application/gzip', damaged: null });
    expect(result.children.map((c) => [c.path, text(c.bytes)])).toEqual([
      ['deep/russian.txt', `${SENTENCES.russian}\n`],
    ]);
  });

  it('a tar bomb is kept whole and damaged: nothing of it unpacked', async () => {
    const bomb = await tarBomb();
    const result = await extractArchive({ bytes: bomb, name: 'bomb.tgz' }, DEFAULT_LIMITS);
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/over the unpacking limits \(tar bomb limits\)/);
  });

  it('the total left from the levels above bounds a plain tar too', async () => {
    const bytes = await tarOf([{ name: 'a.bin', bytes: Buffer.alloc(4096, 1) }]);
    const limits = { ...DEFAULT_LIMITS, maxTotalBytes: 1000 };
    const result = await extractArchive({ bytes, name: 'a.tar' }, limits);
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/tar bomb limits/);
  });

  it('more members than the count limit: kept whole and damaged', async () => {
    const bytes = await tarOf([
      { name: 'a.txt', bytes: 'a' },
      { name: 'b.txt', bytes: 'b' },
    ]);
    const result = await extractArchive(
      { bytes, name: 'a.tar' },
      { ...DEFAULT_LIMITS, maxChildren: 1 },
    );
    expect(result.children).toEqual([]);
    expect(result.damaged).toMatch(/more than 1 members/);
  });

  it('a tar cut short keeps the members read before the cut and is damaged', async () => {
    for (const bytes of [await truncatedTar(), gzipSync(await truncatedTar())]) {
      const result = await extractArchive({ bytes, name: 'cut.tar' }, DEFAULT_LIMITS);
      expect(result.children.map((c) => [c.path, text(c.bytes)])).toEqual([
        ['first.txt', `${SENTENCES.farsi}\n`],
        ['second.txt', `${SENTENCES.russian2}\n`],
      ]);
      expect(result.damaged).toMatch(/cut short or malformed after 2 members/);
    }
  });

  it('a gzip stream itself cut short keeps what was read and is damaged', async () => {
    const gz = gzipSync(
      await tarOf([
        { name: 'first.txt', bytes: SENTENCES.farsi },
        { name: 'big.bin', bytes: Buffer.alloc(200_000, 7) },
      ]),
      { level: 0 },
    );
    const result = await extractArchive(
      { bytes: gz.subarray(0, 100_000), name: 'cut.tgz' },
      DEFAULT_LIMITS,
    );
    expect(result.children.map((c) => c.path)).toEqual(['first.txt']);
    expect(result.damaged).toMatch(/cut short or malformed after 1 members/);
  });

  it("reads Debian tar's GNU and pax formats, sniffed by content whatever the name", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'custody-tar-'));
    try {
      await mkdir(join(dir, 'in', 'docs'), { recursive: true });
      await writeFile(join(dir, 'in', 'docs', 'farsi.txt'), `${SENTENCES.farsi}\n`);
      await symlink('/etc/passwd', join(dir, 'in', 'passwd'));
      // A name past ustar's 100 bytes: GNU writes a ././@LongLink member, pax a path record.
      const long = `${'n'.repeat(120)}.txt`;
      await writeFile(join(dir, 'in', long), 'long\n');
      for (const [format, flag] of [
        ['gnu', '-z'],
        ['pax', '-c'],
      ] as const) {
        const out = join(dir, `${format}.bin`);
        execFileSync('tar', [
          `--format=${format}`,
          flag === '-z' ? '-czf' : '-cf',
          out,
          '-C',
          join(dir, 'in'),
          '--sort=name',
          '.',
        ]);
        const bytes = new Uint8Array(await readFile(out));
        expect((await sniffBytes(bytes)).kind).toBe('archive');
        const result = await extractArchive({ bytes, name: 'evidence.bin' }, DEFAULT_LIMITS);
        expect(result.damaged).toBeNull();
        expect(result.children.map((c) => c.path).sort()).toEqual(['docs/farsi.txt', long]);
        expect(result.facts['skipped']).toEqual([
          { path: 'passwd', type: 'symlink', reason: 'a symbolic link: never followed' },
        ]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads Debian tar's v7 format, which has no magic, told by its header checksum", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'custody-tar-'));
    try {
      await mkdir(join(dir, 'in', 'docs'), { recursive: true });
      await writeFile(join(dir, 'in', 'docs', 'russian.txt'), `${SENTENCES.russian}\n`);
      await writeFile(join(dir, 'in', 'note.txt'), 'note\n');
      const out = join(dir, 'old.bin');
      execFileSync('tar', ['--format=v7', '-cf', out, '-C', join(dir, 'in'), '--sort=name', '.']);
      const bytes = new Uint8Array(await readFile(out));
      expect(Buffer.from(bytes.subarray(257, 262)).toString('latin1')).not.toBe('ustar');
      expect((await sniffBytes(bytes)).kind).toBe('archive');
      const result = await extractArchive({ bytes, name: 'evidence.bin' }, DEFAULT_LIMITS);
      expect(result.damaged).toBeNull();
      expect(result.children.map((c) => c.path).sort()).toEqual(['docs/russian.txt', 'note.txt']);
      const russian = result.children.find((c) => c.path === 'docs/russian.txt');
      expect(text(russian?.bytes ?? new Uint8Array())).toBe(`${SENTENCES.russian}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a text file is not taken for a v7 tar', async () => {
    const bytes = new Uint8Array(Buffer.from(`${SENTENCES.english}\n`.repeat(20)));
    expect((await sniffBytes(bytes)).kind).toBe('text');
  });
});
