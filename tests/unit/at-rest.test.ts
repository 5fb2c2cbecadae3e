// The at-rest properties of the vault, checked on the real files: round trip across processes,
// no plaintext anywhere on disk, destroy as crypto-shredding, crash consistency.
import { describe, it, expect, afterEach } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes, createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CustodyCore } from '../../electron/core/core.ts';
import { createCase, destroyCase, getCase } from '../../electron/core/cases/case.service.ts';
import { insertBlobRow } from '../../electron/core/blobs/blob.queries.ts';
import { listFiles } from '../helpers/temp.ts';
import { scanForPlaintext } from '../helpers/plaintext-scan.ts';
import { freshCore, PASSPHRASE } from '../helpers/vault.ts';

const run = promisify(execFile);
const NODE = process.execPath;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('vault at rest', () => {
  it('reads a 50 MB blob back byte-identical in a new process', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const vault = core.vault();
    const c = createCase(vault, { title: 'Big file', kind: 'other' });
    const payload = randomBytes(50 * 1024 * 1024);
    const chunks: Buffer[] = [];
    for (let i = 0; i < payload.length; i += 1 << 20)
      chunks.push(payload.subarray(i, i + (1 << 20)));
    const blob = await vault.blobs.write(vault.caseKey(c.id), Readable.from(chunks));
    insertBlobRow(vault.db, { id: blob.id, caseId: c.id, role: 'original', size: blob.size });
    core.lock();
    const { stdout } = await run(
      NODE,
      [join(import.meta.dirname, 'fixtures-scripts', 'read-blob.ts'), dir, c.id, blob.id],
      {
        env: { ...process.env, CUSTODY_PASSPHRASE: PASSPHRASE },
        maxBuffer: 1 << 20,
      },
    );
    expect(stdout.trim()).toBe(sha256(payload));
  });

  it('leaves no plaintext of titles, notes or blobs in the vault or the OS temp folder', async () => {
    const tmpBefore = new Set(await readdir(tmpdir()));
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const vault = core.vault();
    const markers = [
      'MARKER-TITLE-7f3a9c',
      'MARKER-NOTE-51be02',
      'عنوان-سري-٧٣',
      'секретная-заметка-42',
    ];
    const c = createCase(vault, {
      title: `${markers[0]} ${markers[2]}`,
      kind: 'threat-of-violence',
      notes: `${markers[1]} ${markers[3]}`,
      externalRefs: ['https://example.org/MARKER-REF-99'],
    });
    const payload = Buffer.concat([Buffer.from('MARKER-BLOB-c0ffee'), randomBytes(3 * 65536)]);
    const blob = await vault.blobs.write(vault.caseKey(c.id), payload);
    insertBlobRow(vault.db, { id: blob.id, caseId: c.id, role: 'original', size: blob.size });
    // Scan while unlocked (WAL and shm present) and again after lock.
    const all = [...markers, 'MARKER-REF-99', 'MARKER-BLOB-c0ffee'];
    expect(await scanForPlaintext(await listFiles(dir), all, [payload])).toEqual([]);
    core.lock();
    expect(await scanForPlaintext(await listFiles(dir), all, [payload])).toEqual([]);
    const newTmp = (await readdir(tmpdir())).filter((n) => !tmpBefore.has(n) && !dir.endsWith(n));
    const tmpFiles = (
      await Promise.all(
        newTmp.map((n) => listFiles(join(tmpdir(), n)).catch(() => [join(tmpdir(), n)])),
      )
    ).flat();
    expect(await scanForPlaintext(tmpFiles, all, [payload])).toEqual([]);
  });

  it('destroys a case: no row, no blob file, other cases untouched', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const vault = core.vault();
    const doomed = createCase(vault, {
      title: 'DOOMED-CASE-TITLE',
      kind: 'doxxing',
      notes: 'DOOMED-NOTE',
    });
    const kept = createCase(vault, { title: 'Kept', kind: 'other' });
    const doomedBlobs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const b = await vault.blobs.write(vault.caseKey(doomed.id), randomBytes(1000));
      insertBlobRow(vault.db, { id: b.id, caseId: doomed.id, role: 'original', size: b.size });
      doomedBlobs.push(b.id);
    }
    const keptPayload = randomBytes(5000);
    const keptBlob = await vault.blobs.write(vault.caseKey(kept.id), keptPayload);
    insertBlobRow(vault.db, {
      id: keptBlob.id,
      caseId: kept.id,
      role: 'original',
      size: keptBlob.size,
    });

    await destroyCase(vault, doomed.id);

    expect(() => getCase(vault, doomed.id)).toThrow(/No case/);
    for (const table of ['cases', 'blobs']) {
      const n = vault.db
        .prepare(`SELECT count(*) FROM ${table} WHERE ${table === 'cases' ? 'id' : 'case_id'} = ?`)
        .pluck()
        .get(doomed.id);
      expect(n, table).toBe(0);
    }
    for (const id of doomedBlobs) expect(await vault.blobs.exists(id)).toBe(false);
    expect(await vault.blobs.read(vault.caseKey(kept.id), keptBlob.id)).toEqual(keptPayload);
    core.lock();
    // The title and notes are gone from the file too, not only from the table (secure_delete + VACUUM).
    expect(
      await scanForPlaintext(await listFiles(dir), ['DOOMED-CASE-TITLE', 'DOOMED-NOTE']),
    ).toEqual([]);
    const again = new CustodyCore(dir);
    await again.unlock(PASSPHRASE);
    expect(getCase(again.vault(), kept.id).title).toBe('Kept');
    again.lock();
  });

  it('survives SIGKILL mid-write: the vault unlocks, passes integrity check, each item whole or absent', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const c = createCase(core.vault(), { title: 'Crash', kind: 'other' });
    core.lock();
    const child = spawn(
      NODE,
      [join(import.meta.dirname, 'fixtures-scripts', 'write-forever.ts'), dir, c.id],
      {
        env: { ...process.env, CUSTODY_PASSPHRASE: PASSPHRASE },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    // Wait until the writer has committed a good number of items, then kill it without warning.
    await new Promise<void>((resolve, reject) => {
      let count = 0;
      child.stdout.on('data', (d: Buffer) => {
        count += d.toString().split('\n').filter(Boolean).length;
        if (count >= 40) resolve();
      });
      child.on('exit', () => reject(new Error('writer exited early')));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const again = new CustodyCore(dir);
    await again.unlock(PASSPHRASE);
    const vault = again.vault();
    expect(vault.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = vault.db.prepare('SELECT id, size FROM blobs WHERE case_id = ?').all(c.id) as {
      id: string;
      size: number;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const r of rows) {
      const data = await vault.blobs.read(vault.caseKey(c.id), r.id);
      expect(data.length).toBe(r.size);
    }
    const files: string[] = [];
    for await (const id of vault.blobs.ids()) files.push(id);
    expect(files.sort()).toEqual(rows.map((r) => r.id).sort());
    again.lock();
  });
});
