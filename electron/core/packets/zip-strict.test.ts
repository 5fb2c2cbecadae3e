// The verifier accepts only the bytes the signature covers: nothing before, between or after the
// entries, no second directory record, and only regular files. Each attack is done on the real
// bytes of a real packet, the way a hex editor or `zip -A` would; the signature stays intact.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { buildPacket } from './build.ts';
import { packetVault, readZip, type PacketVault } from '../../../tests/helpers/packets.ts';
import {
  dataOf,
  duplicateRecord,
  entryEnd,
  insertBytes,
  withComment,
  withMode,
} from '../../../tests/helpers/zip-bytes.ts';
import { verifyPacket } from './verify.ts';

let pv: PacketVault;
let packet: string;
let bytes: Buffer;
let fingerprint: string;
let n = 0;

beforeAll(async () => {
  pv = await packetVault();
  packet = join(pv.dir, 'packet.zip');
  fingerprint = (await buildPacket(pv.vault, { caseId: pv.caseId, out: packet })).fingerprint;
  bytes = await readFile(packet);
});
afterAll(() => pv.cleanup());

async function verifyBytes(data: Buffer) {
  const path = join(pv.dir, `strict-${n++}.zip`);
  await writeFile(path, data);
  return verifyPacket(path, { key: fingerprint });
}

const codes = (v: { problems: { code: string }[] }) => v.problems.map((p) => p.code);
const STUB = Buffer.from(`#!/bin/sh\necho "run me"\n${'#'.repeat(4096)}\nexit 0\n`);

describe('bytes outside the signed entries', () => {
  it('the untouched packet is valid (the control)', async () => {
    expect(await verifyBytes(bytes)).toMatchObject({ valid: true, keyPinned: true, problems: [] });
  });

  it('rejects a 4 KB shell stub prepended and the offsets fixed by `zip -A`', async () => {
    const path = join(pv.dir, 'stub.zip');
    await writeFile(path, Buffer.concat([STUB, bytes]));
    execFileSync('zip', ['-q', '-A', path]);
    const v = await verifyPacket(path, { key: fingerprint });
    expect(v.valid).toBe(false);
    expect(codes(v)).toEqual(['zip-extra-bytes']);
    expect(v.problems[0]?.message).toMatch(/4\d{3} bytes at offset 0/);
  });

  it('rejects a ZIP comment added or replaced', async () => {
    const v = await verifyBytes(withComment(bytes, 'Verified by the sender. Run stub.sh first.'));
    expect(v.valid).toBe(false);
    expect(codes(v)).toEqual(['zip-extra-bytes']);
  });

  it('rejects data hidden between two entries', async () => {
    const v = await verifyBytes(
      insertBytes(bytes, entryEnd(bytes, 'report.html'), Buffer.from('hidden payload '.repeat(20))),
    );
    expect(v.valid).toBe(false);
    expect(codes(v)).toEqual(['zip-extra-bytes']);
    expect(v.problems[0]?.message).toMatch(
      /300 bytes at offset \d+ are not part of any listed entry/,
    );
  });

  it('rejects a second directory record for an entry', async () => {
    const v = await verifyBytes(duplicateRecord(bytes, 'report.pdf'));
    expect(v.valid).toBe(false);
    expect(codes(v)).toContain('zip-extra-bytes');
  });
});

describe('entries that are not regular files', () => {
  it('rejects a listed file whose mode makes it a symlink when extracted', async () => {
    const v = await verifyBytes(withMode(bytes, 'report.html', 0o120777));
    expect(v.valid).toBe(false);
    expect(v.problems).toEqual([
      expect.objectContaining({ code: 'entry-not-file', path: 'report.html' }),
    ]);
  });

  it('rejects a folder other than evidence/, and accepts evidence/', async () => {
    const withFolders = async (folders: string[]) => {
      const zip = new ZipFile();
      for (const e of await readZip(packet)) zip.addBuffer(e.data, e.name, { mode: 0o100600 });
      for (const f of folders) zip.addEmptyDirectory(f);
      zip.end();
      const path = join(pv.dir, `folders-${n++}.zip`);
      await pipeline(zip.outputStream as Readable, createWriteStream(path));
      return verifyPacket(path, { key: fingerprint });
    };
    expect(await withFolders(['evidence/'])).toMatchObject({ valid: true, problems: [] });
    const v = await withFolders(['evidence/', 'evidence/.hidden/']);
    expect(v.valid).toBe(false);
    expect(v.problems).toEqual([
      expect.objectContaining({ code: 'entry-not-file', path: 'evidence/.hidden/' }),
    ]);
  });
});

describe('the deflated manifest', () => {
  it('a flipped byte inside it is tampering (manifest-altered), not unusable input', async () => {
    const { start, end } = dataOf(bytes, 'manifest.json');
    for (const at of [start + 1, Math.floor((start + end) / 2), end - 2]) {
      const copy = Buffer.from(bytes);
      copy[at] = (copy[at] ?? 0) ^ 0x10;
      const v = await verifyBytes(copy);
      expect(v.valid, `byte ${at - start} of the deflated manifest`).toBe(false);
      expect(codes(v)).toContain('manifest-altered');
    }
  });
});
