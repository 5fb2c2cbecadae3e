// One writer per vault, with real processes: the `custody` binary, and a child holding the lock as
// the app does. Before the vault lock, a `case list` beside an ingest swept the ingest's blobs.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { CustodyCore } from '../core/core.ts';
import { cliVaultWithCase, runCustody, type CliRun } from '../../tests/helpers/cli.ts';
import {
  collect,
  exited,
  holdVault,
  spawnCustody,
  waitForOutput,
} from '../../tests/helpers/processes.ts';

const PASSPHRASE = 'one writer passphrase';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function vaultWithCase() {
  const v = await cliVaultWithCase(PASSPHRASE);
  cleanups.push(v.cleanup);
  return v;
}

/** `n` distinct small PNGs of noise: no two are duplicates. */
async function noiseImages(dir: string, n: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const raw = randomBytes(32 * 32 * 3);
    await sharp(raw, { raw: { width: 32, height: 32, channels: 3 } })
      .png()
      .toFile(join(dir, `img-${i}.png`));
  }
}

const errorOf = (r: CliRun) => (r.json as { error?: { code: string; message: string } }).error;

/** Every blob row's file exists and every item's original decrypts: opened read-only, no sweep. */
async function lostBlobs(vault: string): Promise<{ items: number; missing: string[] }> {
  const core = new CustodyCore(vault, { access: 'read' });
  await core.unlock(PASSPHRASE);
  try {
    const v = core.vault();
    const missing: string[] = [];
    for (const id of v.db.prepare('SELECT id FROM blobs').pluck().all() as string[]) {
      if (!(await v.blobs.exists(id))) missing.push(id);
    }
    const items = v.db.prepare('SELECT case_id, original_blob FROM items').all() as {
      case_id: string;
      original_blob: string;
    }[];
    for (const i of items) await v.blobs.read(v.caseKey(i.case_id), i.original_blob);
    return { items: items.length, missing };
  } finally {
    await core.close();
  }
}

describe('one writer per vault', () => {
  it('a case list run again and again during an ingest costs the ingest nothing', async () => {
    const { root, base, vault, caseId } = await vaultWithCase();
    const evidence = join(root, 'evidence');
    const count = 200;
    await noiseImages(evidence, count);

    const ingest = spawnCustody(['ingest', '--case', caseId, evidence, ...base]);
    const ingestOut = collect(ingest, 'stdout');
    // The ingest holds the vault and has started writing blobs.
    await waitForOutput(ingest, 'stderr', /\[[1-9]\d*\/\d+\]/);
    const lists: CliRun[] = [];
    while (ingest.exitCode === null) lists.push(await runCustody(['case', 'list', ...base]));
    expect(await exited(ingest)).toBe(0);

    const summary = JSON.parse(ingestOut()) as { ingested: number; failed: number };
    expect(summary).toMatchObject({ ingested: count, failed: 0 });
    expect(lists.length).toBeGreaterThan(0);
    for (const r of lists) {
      // Each reader either waited its turn or was refused, naming the ingest: never a crash.
      if (r.code === 0) continue;
      expect(r.code, r.stderr).toBe(1);
      expect(errorOf(r)?.code).toBe('VAULT_BUSY');
      expect(errorOf(r)?.message).toContain(`cli, pid ${ingest.pid}, writing since`);
    }
    expect(await lostBlobs(vault)).toEqual({ items: count, missing: [] });
  });

  it('while the app holds the vault, CLI writers and readers are refused naming it; its death frees the vault', async () => {
    const { vault, base } = await vaultWithCase();
    const app = await holdVault(vault, 'app', PASSPHRASE);
    const [writer, reader] = await Promise.all([
      runCustody(['case', 'create', '--title', 'Second', '--kind', 'other', ...base]),
      runCustody(['case', 'list', ...base]),
    ]);
    for (const r of [writer, reader]) {
      expect(r.code, r.stderr).toBe(1);
      expect(errorOf(r)?.code).toBe('VAULT_BUSY');
      expect(errorOf(r)?.message).toMatch(
        new RegExp(`the Custody app \\(app, pid ${app.pid}, writing since \\d{4}-\\d\\d-\\d\\dT`),
      );
      expect(r.stderr).toContain('in use by the Custody app');
    }
    // SIGKILL: no release code runs; the OS drops the lock, and the stale record is ignored.
    app.kill('SIGKILL');
    await exited(app);
    const after = await runCustody([
      'case',
      'create',
      '--title',
      'After',
      '--kind',
      'other',
      ...base,
    ]);
    expect(after.code, after.stderr).toBe(0);
  });

  it('readers share the vault; a writer is refused while one reads, naming it', async () => {
    const { vault, base } = await vaultWithCase();
    const reader = await holdVault(vault, 'read', PASSPHRASE);
    const list = await runCustody(['case', 'list', ...base]);
    expect(list.code, list.stderr).toBe(0);
    const write = await runCustody(['case', 'create', '--title', 'No', '--kind', 'other', ...base]);
    expect(write.code, write.stderr).toBe(1);
    expect(errorOf(write)?.message).toContain(`(cli, pid ${reader.pid}, reading since`);
    reader.stdin?.end();
    await exited(reader);
    const again = await runCustody([
      'case',
      'create',
      '--title',
      'Yes',
      '--kind',
      'other',
      ...base,
    ]);
    expect(again.code, again.stderr).toBe(0);
  });
});
