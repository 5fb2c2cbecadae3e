// Test support: a vault with a case of real fixture files (a hostile filename, an Arabic one, a
// photo with GPS, an opaque text file), triaged, with notes in Arabic, Persian and Russian; and a way to
// rewrite a packet's ZIP with one entry changed, as an attacker in transit would.
import { copyFile, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { CustodyCore } from '../../electron/core/core.ts';
import type { UnlockedVault } from '../../electron/core/vault/vault.ts';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import {
  addNote,
  categorise,
  setSeverity,
  tagItems,
} from '../../electron/core/triage/triage.service.ts';
import { freshCore } from './vault.ts';
import { tempDir } from './temp.ts';
import {
  entryName,
  listEntries,
  openZipFile,
  readEntry,
} from '../../electron/core/packets/zip-read.ts';

export { FIXTURES } from './fixtures.ts';
import { FIXTURES } from './fixtures.ts';

export interface PacketFixtures {
  notes: { ar: string; fa: string; ru: string };
  caseTitle: string;
  hostileName: string;
  arabicName: string;
}

export async function packetFixtures(): Promise<PacketFixtures> {
  return JSON.parse(
    await readFile(join(FIXTURES, 'packets', 'notes.json'), 'utf8'),
  ) as PacketFixtures;
}

export interface PacketVault {
  core: CustodyCore;
  vault: UnlockedVault;
  caseId: string;
  itemIds: string[];
  /** Item id by the fixture's role. */
  byRole: { hostile: string; arabic: string; gps: string; text: string };
  fx: PacketFixtures;
  dir: string;
  cleanup: () => Promise<void>;
}

export async function packetVault(): Promise<PacketVault> {
  const fx = await packetFixtures();
  const { core, cleanup: closeCore } = await freshCore();
  const work = await tempDir('custody-packet-test-');
  const vault = core.vault();
  const c = createCase(vault, {
    title: fx.caseTitle,
    kind: 'threat-of-violence',
    externalRefs: ['TICKET-4711'],
    notes: `Case note: ${fx.notes.ru}`,
  });
  const staged = join(work.path, 'in');
  await mkdir(staged);
  const files = {
    hostile: join(staged, fx.hostileName),
    arabic: join(staged, fx.arabicName),
    gps: join(staged, 'Apple_iPhone_4.jpg'),
    text: join(staged, 'chat-export.txt'),
  };
  await copyFile(join(FIXTURES, 'pngsuite', 'basn2c08.png'), files.hostile);
  await copyFile(join(FIXTURES, 'pdq', 'data', 'bridge-mods', 'aaa-orig.jpg'), files.arabic);
  await copyFile(join(FIXTURES, 'exif', 'Apple_iPhone_4.jpg'), files.gps);
  await writeFile(files.text, `chat export\n${fx.notes.ar}\n${randomBytes(8).toString('hex')}\n`);
  const results = await startIngest(vault, core.decoder(), c.id, Object.values(files), () => {})
    .finished;
  const idOf = (path: string) => {
    const r = results.find((x) => x.path === basename(path));
    if (!r?.item) throw new Error(`fixture not ingested: ${path} (${r?.reason ?? 'no result'})`);
    return r.item.id;
  };
  const byRole = {
    hostile: idOf(files.hostile),
    arabic: idOf(files.arabic),
    gps: idOf(files.gps),
    text: idOf(files.text),
  };
  addNote(vault, byRole.arabic, fx.notes.ar);
  addNote(vault, byRole.hostile, fx.notes.fa);
  addNote(vault, byRole.gps, fx.notes.ru);
  categorise(vault, [byRole.gps, byRole.arabic], 'threat-of-violence');
  categorise(vault, [byRole.text], 'not-actionable');
  setSeverity(vault, [byRole.gps], 3);
  tagItems(vault, [byRole.gps], 'school', true);
  return {
    core,
    vault,
    caseId: c.id,
    itemIds: Object.values(byRole),
    byRole,
    fx,
    dir: work.path,
    cleanup: async () => {
      await closeCore();
      await work.cleanup();
    },
  };
}

/** Every entry of a ZIP, in order, in memory (test packets are small). */
export async function readZip(path: string): Promise<{ name: string; data: Buffer }[]> {
  const fh = await open(path, 'r');
  try {
    const zip = await openZipFile(fh, (await fh.stat()).size);
    try {
      const out: { name: string; data: Buffer }[] = [];
      for (const e of await listEntries(zip))
        out.push({ name: entryName(e), data: await readEntry(zip, e, 1 << 30) });
      return out;
    } finally {
      zip.close();
    }
  } finally {
    await fh.close();
  }
}

export async function writeZip(
  path: string,
  entries: { name: string; data: Buffer }[],
): Promise<void> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name);
  zip.end();
  await pipeline(zip.outputStream as Readable, createWriteStream(path));
}

/** Copies a packet, letting `edit` change or drop (null) each entry, and appending `extra`. */
export async function rewriteZip(
  src: string,
  dst: string,
  edit: (name: string, data: Buffer) => Buffer | null,
  extra: { name: string; data: Buffer }[] = [],
): Promise<void> {
  const out: { name: string; data: Buffer }[] = [];
  for (const e of await readZip(src)) {
    const data = edit(e.name, e.data);
    if (data) out.push({ name: e.name, data });
  }
  await writeZip(dst, [...out, ...extra]);
}

/** A copy of `data` with one byte flipped at `at` (default: the middle). */
export function flipByte(data: Buffer, at = Math.floor(data.length / 2)): Buffer {
  const copy = Buffer.from(data);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}
