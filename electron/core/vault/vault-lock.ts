// One writer per vault. Node has no flock, so the lock is SQLite's own file locking on an empty
// database file (lock/vault.lock): a writer holds `BEGIN EXCLUSIVE` (an OS-level EXCLUSIVE lock),
// a reader holds an open read transaction (a SHARED lock). Readers share with readers, a writer
// excludes everyone, and the OS drops the lock when the process dies, however it dies.
// Who holds it is told by one small plain record per holding process (lock/<pid>-<n>.json).
// Format and reasoning: docs/formats/vault.md ("Who may open a vault"), docs/decisions.md.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ensurePrivateDir, ensurePrivateFile } from './private-files.ts';
import { VaultBusyError, type LockHolder } from '../errors.ts';

export type { LockHolder };
export type VaultAccess = 'write' | 'read';

export const LOCK_DIR = 'lock';
export const LOCK_FILE = 'vault.lock';
/** How long a second opener waits for the holder before it gives up with VAULT_BUSY. */
export const DEFAULT_LOCK_WAIT_MS = 5000;
const RETRY_MS = 100;
// Two locks in one process (two cores in a test) get two records.
let recordSeq = 0;

export interface LockRequest {
  access: VaultAccess;
  /** Which surface asks: 'app', 'cli' or 'harness'. Shown to whoever is refused. */
  surface: string;
  waitMs?: number;
}

export interface VaultLock {
  readonly access: VaultAccess;
  /** When the lock was granted: nothing written after it belongs to an earlier holder. */
  readonly since: Date;
  release(): void;
}

/** Waits up to `waitMs` for the lock, then fails with VaultBusyError naming who holds it. */
export async function acquireVaultLock(dir: string, request: LockRequest): Promise<VaultLock> {
  const lockDir = join(dir, LOCK_DIR);
  ensurePrivateDir(dir);
  ensurePrivateDir(lockDir);
  ensurePrivateFile(join(lockDir, LOCK_FILE));
  const deadline = Date.now() + (request.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  for (;;) {
    const db = tryLock(join(lockDir, LOCK_FILE), request.access);
    if (db) return granted(lockDir, db, request);
    if (Date.now() >= deadline) throw new VaultBusyError(dir, liveHolders(lockDir));
    // Polling, not the busy handler: better-sqlite3 would block the whole event loop meanwhile.
    await delay(RETRY_MS);
  }
}

function tryLock(file: string, access: VaultAccess): Db | null {
  const db = new Database(file, { timeout: 0 });
  try {
    if (access === 'write') {
      db.exec('BEGIN EXCLUSIVE');
    } else {
      // A read inside an open transaction keeps the SHARED lock until the transaction ends.
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    }
    return db;
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw e;
  }
}

function granted(lockDir: string, db: Db, request: LockRequest): VaultLock {
  const since = new Date();
  // A writer is alone, so every other record was left by a process that died holding the lock.
  if (request.access === 'write') {
    for (const name of readdirSync(lockDir)) {
      if (name.endsWith('.json')) rmSync(join(lockDir, name), { force: true });
    }
  }
  const holder: LockHolder = {
    surface: request.surface,
    pid: process.pid,
    access: request.access,
    since: since.toISOString(),
  };
  const record = join(lockDir, `${process.pid}-${++recordSeq}.json`);
  writeFileSync(record, JSON.stringify(holder) + '\n', { mode: 0o600 });
  let released = false;
  return {
    access: request.access,
    since,
    release() {
      if (released) return;
      released = true;
      rmSync(record, { force: true });
      db.close();
    },
  };
}

/** The records of processes still alive; a record whose process is gone is ignored. */
function liveHolders(lockDir: string): LockHolder[] {
  const holders: LockHolder[] = [];
  for (const name of readdirSync(lockDir)) {
    if (!name.endsWith('.json')) continue;
    try {
      const h = JSON.parse(readFileSync(join(lockDir, name), 'utf8')) as LockHolder;
      if (typeof h.pid === 'number' && isAlive(h.pid)) holders.push(h);
    } catch {
      // Half-written or removed meanwhile: it tells nothing either way.
    }
  }
  return holders;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, but another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
