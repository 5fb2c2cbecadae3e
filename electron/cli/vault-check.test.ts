// Damage named, with real bits flipped in real files: a middle and the last page of custody.db,
// and one original's blob. `custody vault check` says what is damaged (exit 1) and which item it
// is; other commands fail with VAULT_DAMAGED, never "Something went wrong" or a crash.
import { describe, it, expect, afterEach } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { CustodyCore } from '../core/core.ts';
import { blobFilePath } from '../core/blobs/blob-store.ts';
import { cliVaultWithCase, runCustody, type CliRun } from '../../tests/helpers/cli.ts';
import type { VaultCheck } from '../../shared/contract/vault.ts';

const PASSPHRASE = 'check passphrase';
const PAGE = 4096;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function vaultWithItems() {
  const { root, vault, base, caseId, cleanup } = await cliVaultWithCase(PASSPHRASE, 'Check');
  cleanups.push(cleanup);
  const files = ['red.png', 'blue.png'].map((n) => join(root, n));
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .png()
    .toFile(files[0] ?? '');
  await sharp({ create: { width: 48, height: 64, channels: 3, background: '#33c' } })
    .png()
    .toFile(files[1] ?? '');
  expect((await runCustody(['ingest', '--case', caseId, ...files, ...base])).code).toBe(0);
  return { vault, base, caseId };
}

async function flipBit(file: string, at: number): Promise<void> {
  const bytes = await readFile(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x10;
  await writeFile(file, bytes);
}

const check = async (base: string[]) => {
  const run = await runCustody(['vault', 'check', ...base]);
  return { run, result: run.json as VaultCheck };
};
const errorOf = (r: CliRun) => (r.json as { error?: { code: string; message: string } }).error;

describe('custody vault check', () => {
  it('healthy: exit 0, every blob authenticated', async () => {
    const { base } = await vaultWithItems();
    const { run, result } = await check(base);
    expect(run.code, run.stderr).toBe(0);
    expect(result.healthy).toBe(true);
    expect(result.database).toEqual({ healthy: true, problems: [] });
    // Two originals and their previews.
    expect(result.blobs.checked).toBeGreaterThan(2);
    expect(result.blobs.damaged).toEqual([]);
  });

  it("a flipped bit in an original's blob: named by item, case and file name, exit 1", async () => {
    const { vault, base, caseId } = await vaultWithItems();
    const core = new CustodyCore(vault, { access: 'read' });
    await core.unlock(PASSPHRASE);
    const item = core
      .vault()
      .db.prepare("SELECT id, original_blob FROM items WHERE original_name = 'red.png'")
      .get() as { id: string; original_blob: string };
    await core.close();
    const file = blobFilePath(join(vault, 'blobs'), item.original_blob);
    await flipBit(file, (await readFile(file)).length - 40);

    const { run, result } = await check(base);
    expect(run.code, run.stderr).toBe(1);
    expect(result.healthy).toBe(false);
    expect(result.database.healthy).toBe(true);
    expect(result.blobs.damaged).toHaveLength(1);
    expect(result.blobs.damaged[0]).toMatchObject({
      blobId: item.original_blob,
      itemId: item.id,
      caseId,
      fileName: 'red.png',
    });
    expect(result.blobs.damaged[0]?.reason).toContain('failed its integrity check');
    const human = await runCustody(['vault', 'check', ...base.filter((a) => a !== '--json')]);
    expect(human.stdout).toContain(`item ${item.id} ("red.png") in case ${caseId}`);
  });

  it.each(['last', 'middle'] as const)(
    'a flipped bit in the %s page of custody.db: the check names the database, nothing says INTERNAL',
    async (which) => {
      const { vault, base } = await vaultWithItems();
      const db = join(vault, 'custody.db');
      const pages = (await readFile(db)).length / PAGE;
      const page = which === 'last' ? pages - 1 : Math.floor(pages / 2);
      await flipBit(db, page * PAGE + 1000);

      const { run, result } = await check(base);
      expect(run.code, run.stderr).toBe(1);
      expect(result.healthy).toBe(false);
      expect(result.database.healthy).toBe(false);
      expect(result.database.problems.join('\n')).toMatch(/malformed|corrupt/i);

      // Commands that do not touch the damaged page still work; one that does is told so.
      const list = await runCustody(['case', 'list', ...base]);
      expect(list.stderr).not.toMatch(/SqliteError|INTERNAL|at .*\.ts:\d+/);
      if (list.code !== 0) {
        expect(errorOf(list)?.code, list.stderr).toBe('VAULT_DAMAGED');
        expect(errorOf(list)?.message).toContain('custody.db');
        expect(list.code).toBe(2);
      }
    },
  );
});
