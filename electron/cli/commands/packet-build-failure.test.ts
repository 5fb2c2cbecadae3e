// A packet build that cannot finish leaves no plaintext behind: not when an original's blob is
// damaged (the real CLI names the item and stops), and not when the real process is SIGKILLed in
// the middle of writing originals. Both scan the real output folder for windows of the originals.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CustodyCore } from '../../core/core.ts';
import { allEntries } from '../../core/custody/custody-log.ts';
import { blobFilePath } from '../../core/blobs/blob-store.ts';
import { CUSTODY_BIN, runCustody } from '../../../tests/helpers/cli.ts';
import { listFiles, tempDir } from '../../../tests/helpers/temp.ts';
import { scanForPlaintext } from '../../../tests/helpers/plaintext-scan.ts';
import { flipByte } from '../../../tests/helpers/packets.ts';

const PASSPHRASE = 'packet failure passphrase';
// Large enough that writing them takes many progress lines, so a kill lands mid-write.
const SIZE = 4 * 1024 * 1024;

let dir: string;
let cleanup: () => Promise<void>;
let vault: string;
let base: string[];
let caseId: string;
const originals: { name: string; data: Buffer; id: string }[] = [];

async function json<T>(args: string[]): Promise<T> {
  const r = await runCustody([...args, ...base, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return r.json as T;
}

beforeAll(async () => {
  ({ path: dir, cleanup } = await tempDir('custody-packet-failure-'));
  vault = join(dir, 'vault');
  const pf = join(dir, 'pass');
  await writeFile(pf, `${PASSPHRASE}\n`);
  base = ['--vault', vault, '--passphrase-file', pf];
  await json(['init']);
  caseId = (await json<{ id: string }>(['case', 'create', '--title', 'T', '--kind', 'doxxing'])).id;
  const staged = join(dir, 'in');
  await mkdir(staged);
  for (const name of ['first.bin', 'second.bin', 'third.bin']) {
    const data = randomBytes(SIZE);
    await writeFile(join(staged, name), data);
    originals.push({ name, data, id: '' });
  }
  const ingest = await json<{ results: { path: string; item?: { id: string } }[] }>([
    'ingest',
    '--case',
    caseId,
    ...originals.map((o) => join(staged, o.name)),
  ]);
  for (const o of originals) o.id = ingest.results.find((r) => r.path === o.name)?.item?.id ?? '';
  expect(originals.every((o) => o.id)).toBe(true);
}, 120_000);
afterAll(() => cleanup());

async function outFolder(name: string): Promise<string> {
  const out = join(dir, name);
  await mkdir(out);
  return out;
}

const plaintextIn = async (folder: string) =>
  scanForPlaintext(
    await listFiles(folder),
    [],
    originals.map((o) => o.data),
  );

async function vaultTemp(): Promise<string[]> {
  return readdir(join(vault, 'blobs', '.tmp')).catch(() => []);
}

describe('custody packet build that cannot finish', () => {
  it('stops on a damaged original, naming its item and file, and leaves nothing behind', async () => {
    const core = new CustodyCore(vault);
    await core.unlock(PASSPHRASE);
    const { original_blob: blob } = core
      .vault()
      .db.prepare('SELECT original_blob FROM items WHERE id = ?')
      .get(originals[1]?.id) as { original_blob: string };
    await core.close();
    const blobPath = blobFilePath(join(vault, 'blobs'), blob);
    const good = await readFile(blobPath);
    await writeFile(blobPath, flipByte(good));
    try {
      const out = await outFolder('damaged');
      const r = await runCustody([
        'packet',
        'build',
        ...base,
        '--json',
        '--case',
        caseId,
        '--out',
        join(out, 'packet.zip'),
      ]);
      expect(r.code, r.stderr).toBe(1);
      const error = (r.json as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('BLOB_INTEGRITY');
      expect(error.message).toContain(originals[1]?.id);
      expect(error.message).toContain('second.bin');
      expect(error.message).not.toContain(blob);
      expect(await readdir(out)).toEqual([]);
      expect(await vaultTemp()).toEqual([]);
      const after = new CustodyCore(vault);
      await after.unlock(PASSPHRASE);
      const failed = allEntries(after.vault().db).filter((e) => e.action === 'packet.failed');
      await after.close();
      expect(failed).toMatchObject([{ itemId: originals[1]?.id }]);
    } finally {
      await writeFile(blobPath, good);
    }
  }, 120_000);

  it('leaves no plaintext in the output folder when SIGKILLed mid-write, and none after the next start', async () => {
    const out = await outFolder('killed');
    const child = spawn(
      process.execPath,
      [CUSTODY_BIN, 'packet', 'build', ...base, '--case', caseId, '--out', join(out, 'p.zip')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr += s;
      const percent = /writing (\d+)%/.exec(s);
      if (percent && Number(percent[1]) >= 10) child.kill('SIGKILL');
    });
    expect(await exited, `the build was not killed mid-write:\n${stderr}`).toBe('SIGKILL');
    expect(await plaintextIn(out)).toEqual([]);

    // The next start of a writer sweeps the killed build's temp file out of the vault.
    const again = await runCustody(
      ['packet', 'build', ...base, '--case', caseId, '--out', join(out, 'again.zip')],
      {},
    );
    expect(again.code, again.stderr).toBe(0);
    expect(await readdir(out)).toEqual(['again.zip']);
    expect(await vaultTemp()).toEqual([]);
    const leaks = await plaintextIn(vault);
    expect(leaks).toEqual([]);
  }, 180_000);
});
