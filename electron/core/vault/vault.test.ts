import { describe, it, expect, afterEach } from 'vitest';
import { mkdir, readFile, readdir, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newBlobId } from '../blobs/blob-format.ts';
import { CustodyCore } from '../core.ts';
import { CustodyError } from '../errors.ts';
import { createCase } from '../cases/case.service.ts';
import { tempDir, snapshot } from '../../../tests/helpers/temp.ts';
import { freshCore, PASSPHRASE } from '../../../tests/helpers/vault.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof CustodyError ? e.code : `untyped: ${String(e)}`;
  }
}

describe('vault', () => {
  it('creates, locks and unlocks with the passphrase', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const c = createCase(core.vault(), { title: 'Round trip', kind: 'other' });
    core.lock();
    expect(await core.state()).toBe('locked');
    expect(() => core.vault()).toThrow(/locked/);
    const again = new CustodyCore(dir);
    await again.unlock(PASSPHRASE);
    expect(again.vault().caseKey(c.id).use()).toHaveLength(32);
    again.lock();
  });

  it('refuses a wrong passphrase with a typed error and changes no file', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    createCase(core.vault(), { title: 'Untouched', kind: 'other' });
    core.lock();
    const before = await snapshot(dir);
    expect(await codeOf(new CustodyCore(dir).unlock('wrong passphrase'))).toBe('WRONG_PASSPHRASE');
    const after = await snapshot(dir);
    expect(after.delete(join(dir, 'failed-unlocks.log'))).toBe(true);
    expect(after).toEqual(before);
  });

  it('names a missing vault and refuses to create over an existing one', async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    expect(await codeOf(new CustodyCore(join(t.path, 'nope')).unlock(PASSPHRASE))).toBe(
      'VAULT_NOT_FOUND',
    );
    const core = new CustodyCore(t.path);
    await core.create(PASSPHRASE);
    core.lock();
    expect(await codeOf(new CustodyCore(t.path).create(PASSPHRASE))).toBe('VAULT_EXISTS');
  });

  it('wipes key bytes on lock', async () => {
    const { core, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const c = createCase(core.vault(), { title: 'Keys', kind: 'other' });
    const key = core.vault().caseKey(c.id);
    const bytes = key.use();
    core.lock();
    expect(key.wiped).toBe(true);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it('changes the passphrase by re-wrapping the master key only', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    const c = createCase(core.vault(), { title: 'Keep me', kind: 'harassment' });
    core.lock();
    const db = await readFile(join(dir, 'custody.db'));
    await core.changePassphrase(PASSPHRASE, 'a new and longer passphrase');
    expect(await readFile(join(dir, 'custody.db'))).toEqual(db);
    expect(await codeOf(new CustodyCore(dir).unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE');
    const again = new CustodyCore(dir);
    await again.unlock('a new and longer passphrase');
    expect(again.vault().db.prepare('SELECT title FROM cases WHERE id = ?').pluck().get(c.id)).toBe(
      'Keep me',
    );
    again.lock();
  });

  it('records the KDF parameters in the header, so unlock uses what created the vault', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    core.lock();
    const header = JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as {
      kdf: Record<string, unknown>;
    };
    expect(header.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: 8192, iterations: 1 });
    // A later build with other defaults still opens it: unlock reads the header, not the defaults.
    await new CustodyCore(dir).unlock(PASSPHRASE);
  });

  it('sweeps only what was left before its write lock was granted; a reader never sweeps', async () => {
    const { core, dir, cleanup } = await freshCore();
    cleanups.push(cleanup);
    core.lock();
    const temp = join(dir, 'blobs', '.tmp');
    await mkdir(temp, { recursive: true });
    const [oldOrphan, youngOrphan] = [newBlobId(), newBlobId()];
    const leftovers = {
      oldTemp: join(temp, newBlobId()),
      youngTemp: join(temp, newBlobId()),
      oldOrphan: join(dir, 'blobs', oldOrphan.slice(0, 2), oldOrphan),
      youngOrphan: join(dir, 'blobs', youngOrphan.slice(0, 2), youngOrphan),
    };
    const past = new Date(Date.now() - 3_600_000);
    // Written "after" the next unlock's lock: as another process's in-flight ingest would be.
    const future = new Date(Date.now() + 3_600_000);
    for (const [name, path] of Object.entries(leftovers)) {
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, 'x');
      const when = name.startsWith('old') ? past : future;
      await utimes(path, when, when);
    }
    const present = async () => {
      const out: string[] = [];
      for (const [name, path] of Object.entries(leftovers)) {
        const names = await readdir(join(path, '..'));
        if (names.includes(path.slice(path.lastIndexOf('/') + 1))) out.push(name);
      }
      return out;
    };

    const reader = new CustodyCore(dir, { access: 'read' });
    await reader.unlock(PASSPHRASE);
    await reader.close();
    expect(await present()).toEqual(['oldTemp', 'youngTemp', 'oldOrphan', 'youngOrphan']);

    const writer = new CustodyCore(dir);
    await writer.unlock(PASSPHRASE);
    await writer.close();
    expect(await present()).toEqual(['youngTemp', 'youngOrphan']);
  });

  it.each([
    ['missing', (db: string) => rm(db)],
    ['emptied', (db: string) => truncate(db, 0)],
  ])(
    'refuses to unlock when its database is %s, and keeps every evidence blob',
    async (_how, damage) => {
      const { core, dir, cleanup } = await freshCore();
      cleanups.push(cleanup);
      const c = createCase(core.vault(), { title: 'Kept', kind: 'other' });
      const blob = await core.vault().blobs.write(core.vault().caseKey(c.id), Buffer.from('x'));
      await core.close();
      const db = join(dir, 'custody.db');
      for (const side of ['-wal', '-shm']) await rm(`${db}${side}`, { force: true });
      await damage(db);
      const before = await snapshot(join(dir, 'blobs'));
      const writer = new CustodyCore(dir);
      const error = await writer.unlock(PASSPHRASE).then(
        () => null,
        (e: unknown) => e,
      );
      await writer.close();
      expect(error).toMatchObject({ code: 'VAULT_DAMAGED', message: /custody\.db/ });
      // An empty database started in its place would have taken every blob for an orphan.
      expect(await snapshot(join(dir, 'blobs'))).toEqual(before);
      expect(before.has(join(dir, 'blobs', blob.id.slice(0, 2), blob.id))).toBe(true);
    },
  );
});
