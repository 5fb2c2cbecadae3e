// A packet built from real fixture items verifies, says what the recipient needs, proves its own
// export, and its report is safe to open and readable in Arabic, Persian and Russian.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allEntries, verifyLog } from '../custody/custody-log.ts';
import { workstationKey } from '../custody/signing-key.ts';
import { buildPacket, type BuiltPacket } from './build.ts';
import { manifestSchema, type Manifest } from './manifest.ts';
import { veiledThumbBlob } from './packet.queries.ts';
import { packetVault, readZip, type PacketVault } from '../../../tests/helpers/packets.ts';
import { verifyPacket } from './verify.ts';

let pv: PacketVault;
let built: BuiltPacket;
let files: Map<string, Buffer>;
let manifest: Manifest;

const file = (name: string): Buffer => {
  const f = files.get(name);
  if (!f) throw new Error(`${name} is not in the packet`);
  return f;
};

beforeAll(async () => {
  pv = await packetVault();
  built = await buildPacket(pv.vault, {
    caseId: pv.caseId,
    out: join(pv.dir, 'packet.zip'),
    agency: 'Landeskriminalamt',
    reference: 'AZ 2026/0815',
  });
  files = new Map((await readZip(built.out)).map((e) => [e.name, e.data]));
  manifest = manifestSchema.parse(JSON.parse(file('manifest.json').toString('utf8')));
});
afterAll(() => pv.cleanup());

// The bidi marks pdftotext adds around runs are not part of the text.
const stripBidiMarks = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

describe('packet build', () => {
  it('verifies, and is pinned by the workstation key', async () => {
    const fingerprint = workstationKey(pv.vault).fingerprint;
    const unpinned = await verifyPacket(built.out);
    expect(unpinned).toMatchObject({ valid: true, keyPinned: false, fingerprint, problems: [] });
    const pinned = await verifyPacket(built.out, { key: fingerprint.toUpperCase() });
    expect(pinned).toMatchObject({ valid: true, keyPinned: true });
    expect(pinned.items.map((i) => i.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('holds the manifest, signature, reports, each original byte for byte and the text layer', async () => {
    expect([...files.keys()].sort()).toEqual(
      [
        'manifest.json',
        'manifest.sig',
        'report.html',
        'report.pdf',
        ...manifest.items.map((i) => i.evidence ?? ''),
        `text/${pv.byRole.text}.txt`,
      ].sort(),
    );
    for (const item of manifest.items) {
      const original = await pv.vault.blobs.read(
        pv.vault.caseKey(pv.caseId),
        pv.vault.db
          .prepare('SELECT original_blob FROM items WHERE id = ?')
          .pluck()
          .get(item.id) as string,
      );
      expect(file(item.evidence ?? '').equals(original)).toBe(true);
    }
    const hostile = manifest.items.find((i) => i.id === pv.byRole.hostile);
    expect(hostile?.originalName).toBe(pv.fx.hostileName);
    expect(hostile?.evidence).toMatch(/^evidence\/i_[a-z2-7]{16}-[\p{L}\p{N}._-]+$/u);
  });

  it('says what a recipient needs about the case and each item', () => {
    expect(manifest).toMatchObject({
      agency: 'Landeskriminalamt',
      reference: 'AZ 2026/0815',
      creator: pv.vault.actor,
      tool: { name: 'custody' },
      case: { id: pv.caseId, title: pv.fx.caseTitle, externalRefs: ['TICKET-4711'] },
      signer: { fingerprint: built.fingerprint },
    });
    const byId = new Map(manifest.items.map((i) => [i.id, i]));
    expect(byId.get(pv.byRole.arabic)?.notes.map((n) => n.body)).toEqual([pv.fx.notes.ar]);
    const gps = byId.get(pv.byRole.gps);
    expect(gps?.metadata).toMatchObject({ camera: 'Apple iPhone 4' });
    expect(gps?.metadata?.gps?.latitude).toBeCloseTo(41.853, 3);
    expect(gps?.acquisitions[0]?.sourcePath).toBe('Apple_iPhone_4.jpg');
    expect(gps?.pdq).toMatch(/^[0-9a-f]{64}$/);
    expect(gps).toMatchObject({
      categories: [{ scheme: 'custody', code: 'threat-of-violence' }],
      severity: 3,
      tags: ['school'],
    });
    expect(byId.get(pv.byRole.text)?.pdq).toBeNull();
  });

  it('proves its own export against a checkpoint the vault also keeps', () => {
    const exported = manifest.custody.entries.find((e) => e.entry.action === 'packet.exported');
    expect(exported?.entry.details).toMatchObject({ packetId: manifest.packetId });
    expect(manifest.custody.treeSize).toBe(exported?.entry.seq);
    const kept = pv.vault.db
      .prepare("SELECT note FROM custody_checkpoints WHERE reason = 'packet'")
      .pluck()
      .all();
    expect(kept).toContain(manifest.custody.checkpoint);
    const ingested = manifest.custody.entries.filter((e) => e.entry.action === 'item.ingested');
    expect(ingested.map((e) => e.entry.itemId).sort()).toEqual([...pv.itemIds].sort());
    expect(verifyLog(pv.vault).ok).toBe(true);
  });

  it('carries only the chosen items and their entries when a subset is packaged', async () => {
    const out = join(pv.dir, 'subset.zip');
    await buildPacket(pv.vault, { caseId: pv.caseId, itemIds: [pv.byRole.gps], out });
    const entries = new Map((await readZip(out)).map((e) => [e.name, e.data]));
    const m = manifestSchema.parse(JSON.parse(entries.get('manifest.json')?.toString() ?? ''));
    expect(m.items.map((i) => i.id)).toEqual([pv.byRole.gps]);
    expect([...entries.keys()].filter((n) => n.startsWith('evidence/'))).toHaveLength(1);
    const subjects = new Set(m.custody.entries.map((e) => e.entry.itemId));
    expect([...subjects].sort()).toEqual([null, pv.byRole.gps].sort());
    expect((await verifyPacket(out)).valid).toBe(true);
  });

  it('leaves originals out on request and still verifies the hashes it lists', async () => {
    const out = join(pv.dir, 'hashes-only.zip');
    await buildPacket(pv.vault, { caseId: pv.caseId, out, includeOriginals: false });
    const names = (await readZip(out)).map((e) => e.name);
    expect(names.some((n) => n.startsWith('evidence/'))).toBe(false);
    const v = await verifyPacket(out);
    expect(v.valid).toBe(true);
    expect(v.items.every((i) => i.status === 'hashes-only')).toBe(true);
  });

  it('refuses to overwrite a file, and an item from another case, recording nothing', async () => {
    const before = allEntries(pv.vault.db).length;
    const taken = join(pv.dir, 'taken.zip');
    await writeFile(taken, 'x');
    await expect(buildPacket(pv.vault, { caseId: pv.caseId, out: taken })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      buildPacket(pv.vault, {
        caseId: pv.caseId,
        itemIds: ['i_aaaaaaaaaaaaaaaa'],
        out: join(pv.dir, 'stray.zip'),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(allEntries(pv.vault.db).length).toBe(before);
  });

  // The vault sits in the temp folder on the root file system; /dev/shm is a tmpfs of its own.
  const otherFs = statSync('/dev/shm', { throwIfNoEntry: false });
  const crossing = otherFs !== undefined && otherFs.dev !== statSync(tmpdir()).dev;
  if (!crossing) console.log('skipped: no second file system at /dev/shm beside the temp folder');
  it.runIf(crossing)('is published onto another file system, leaving no temp file', async () => {
    const out = await mkdtemp('/dev/shm/custody-packet-');
    try {
      const other = await buildPacket(pv.vault, { caseId: pv.caseId, out: join(out, 'p.zip') });
      expect(await readdir(out)).toEqual(['p.zip']);
      expect((await verifyPacket(other.out)).valid).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('packet report', () => {
  it('has no script, no event handler, a strict CSP, and escapes a hostile filename', () => {
    const html = file('report.html').toString('utf8');
    expect(html).not.toMatch(/<script/i);
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
    expect(html).not.toContain(pv.fx.hostileName);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;.png');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).toContain(`<div class="note"><div dir="auto">${pv.fx.notes.ar}</div></div>`);
    expect(html).not.toMatch(/<img/); // thumbnails are off by default
    expect(html).toMatch(/<td><bdi>Threat of violence<\/bdi><\/td><td>2<\/td>/);
  });

  it('puts the Arabic, Persian and Russian notes in the PDF as text, in logical order', async () => {
    const pdf = join(pv.dir, 'report.pdf');
    await writeFile(pdf, file('report.pdf'));
    const text = stripBidiMarks(
      execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
    );
    const lines = text.split('\n').map((l) => l.trim());
    for (const note of [pv.fx.notes.ar, pv.fx.notes.fa, pv.fx.notes.ru])
      expect(
        lines.some((l) => l.includes(note)),
        note,
      ).toBe(true);
    expect(text).toContain(built.fingerprint);
    expect(text).toContain('AZ 2026/0815');
  });

  it('shows only the veiled thumbnail when thumbnails are asked for', async () => {
    const out = join(pv.dir, 'thumbs.zip');
    await buildPacket(pv.vault, { caseId: pv.caseId, out, includeThumbnails: true });
    const html = (await readZip(out)).find((e) => e.name === 'report.html')?.data.toString() ?? '';
    const veiled = veiledThumbBlob(pv.vault.db, pv.byRole.gps);
    if (!veiled) throw new Error('the fixture photo has no veiled thumbnail');
    const bytes = await pv.vault.blobs.read(pv.vault.caseKey(pv.caseId), veiled.blobId);
    expect(html).toContain(`src="data:${veiled.mime};base64,${bytes.toString('base64')}"`);
    const shown = [...html.matchAll(/<img [^>]*src="data:[^"]+"/g)].length;
    expect(shown).toBe(3); // the three images; the text file has no preview
  });
});
