// Names in a packet re-zipped by someone else's tool: Debian's Info-ZIP `zip` stores Arabic,
// Persian and Russian names as raw UTF-8 without the UTF-8 flag; Info-ZIP elsewhere adds the
// Unicode Path extra field (0x7075). Either way the verifier reads the name the recipient sees.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { startIngest } from '../ingest/ingest.service.ts';
import { buildPacket } from './build.ts';
import { packetVault, type PacketVault } from '../../../tests/helpers/packets.ts';
import { verifyPacket } from './verify.ts';
import { entryName, type ZipEntry } from './zip-read.ts';

let pv: PacketVault;
let packet: string;
let fingerprint: string;
const NAMES = ['صورة التهديد.txt', 'پیام تهدیدآمیز.txt', 'Угроза школе.txt'];

beforeAll(async () => {
  pv = await packetVault();
  const staged = join(pv.dir, 'names');
  await mkdir(staged);
  const paths = NAMES.map((n) => join(staged, n));
  for (const [i, p] of paths.entries()) await writeFile(p, `message ${i}: ${NAMES[i] ?? ''}\n`);
  const results = await startIngest(pv.vault, pv.core.decoder(), pv.caseId, paths, () => {})
    .finished;
  expect(results.every((r) => r.status === 'ingested')).toBe(true);
  packet = join(pv.dir, 'packet.zip');
  fingerprint = (await buildPacket(pv.vault, { caseId: pv.caseId, out: packet })).fingerprint;
});
afterAll(() => pv.cleanup());

describe('entry names from other ZIP tools', () => {
  it('a packet unzipped and re-zipped by Info-ZIP verifies, every original found', async () => {
    const dir = join(pv.dir, 'unzipped');
    execFileSync('unzip', ['-q', packet, '-d', dir]);
    const rezipped = join(pv.dir, 'rezipped.zip');
    execFileSync('zip', ['-q', '-r', rezipped, '.'], { cwd: dir, env: { LC_ALL: 'C.UTF-8' } });
    const v = await verifyPacket(rezipped, { key: fingerprint });
    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
    for (const name of NAMES)
      expect(v.items.find((i) => i.name === name)).toMatchObject({ status: 'ok' });
  });

  const entry = (raw: Buffer, extra: { id: number; data: Buffer }[]) =>
    ({ fileName: raw, generalPurposeBitFlag: 0, extraFields: extra }) as unknown as ZipEntry;
  const unicodeField = (raw: Buffer, name: string, crc = crc32(raw)) => {
    const data = Buffer.alloc(5);
    data[0] = 1;
    data.writeUInt32LE(crc, 1);
    return { id: 0x7075, data: Buffer.concat([data, Buffer.from(name, 'utf8')]) };
  };

  it('takes the name from the Unicode Path field when its CRC is that of the raw name', () => {
    // What a Windows Info-ZIP writes for a name its code page cannot hold: '?' for each letter.
    const raw = Buffer.from('evidence/?????.txt', 'latin1');
    const name = 'evidence/Угроза.txt';
    expect(entryName(entry(raw, [unicodeField(raw, name)]))).toBe(name);
    expect(entryName(entry(raw, [unicodeField(raw, name, crc32(raw) ^ 1)]))).toBe(
      'evidence/?????.txt',
    );
  });
});
