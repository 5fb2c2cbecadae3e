// Every folder of a vault is 0700 and every file 0600, checked by stat on the real files while the
// vault is open (the database's -wal and -shm exist only then) and after it is locked.
import { describe, it, expect, afterEach } from 'vitest';
import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CustodyCore } from '../core.ts';
import { createCase } from '../cases/case.service.ts';
import { insertBlobRow } from '../blobs/blob.queries.ts';
import { tempDir } from '../../../tests/helpers/temp.ts';
import { PASSPHRASE } from '../../../tests/helpers/vault.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Relative path → octal mode of the folder and everything under it; folders end in "/". */
async function modes(root: string, rel = ''): Promise<Record<string, string>> {
  const here = join(root, rel);
  const out: Record<string, string> = {
    [`${rel}/`]: ((await stat(here)).mode & 0o777).toString(8),
  };
  for (const e of await readdir(here, { withFileTypes: true })) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, await modes(root, child));
    else out[child] = ((await stat(join(root, child))).mode & 0o777).toString(8);
  }
  return out;
}

/** Every entry that is not 0700 (folders) or 0600 (files). */
const notPrivate = (found: Record<string, string>) =>
  Object.entries(found).filter(([path, mode]) => mode !== (path.endsWith('/') ? '700' : '600'));

describe.skipIf(process.platform === 'win32')('vault file modes', () => {
  it('folders 0700, files 0600: database, -wal, -shm, header, lock, blobs and temp files', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.path, 'vault');
    const core = new CustodyCore(dir);
    cleanups.push(() => core.close());
    await core.create(PASSPHRASE);
    const vault = core.vault();
    const c = createCase(vault, { title: 'Modes', kind: 'other' });
    const blob = await vault.blobs.write(vault.caseKey(c.id), randomBytes(100_000));
    insertBlobRow(vault.db, { id: blob.id, caseId: c.id, role: 'original', size: blob.size });
    const pending = vault.blobs.openWriter(vault.caseKey(c.id));
    await pending.write(randomBytes(2 * 1024 * 1024));

    const open = await modes(dir);
    for (const name of ['custody.db', 'custody.db-wal', 'custody.db-shm', 'vault.json']) {
      expect(open[name], name).toBe('600');
    }
    expect(open[`blobs/.tmp/${pending.id}`]).toBe('600');
    expect(open[`blobs/${blob.id.slice(0, 2)}/${blob.id}`]).toBe('600');
    expect(open['lock/vault.lock']).toBe('600');
    expect(notPrivate(open)).toEqual([]);
    await pending.abort();
    await core.close();
    expect(notPrivate(await modes(dir))).toEqual([]);
  });

  it('repairs a vault whose files were left 0644 by an older build', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.path, 'vault');
    const core = new CustodyCore(dir);
    await core.create(PASSPHRASE);
    await core.close();
    await chmod(dir, 0o755);
    await chmod(join(dir, 'custody.db'), 0o644);
    await chmod(join(dir, 'lock', 'vault.lock'), 0o644);
    const again = new CustodyCore(dir);
    cleanups.push(() => again.close());
    await again.unlock(PASSPHRASE);
    expect(notPrivate(await modes(dir))).toEqual([]);
  });
});
