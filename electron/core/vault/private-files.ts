// A vault's folders are 0700 and its files 0600: its file names, sizes and timestamps are the
// owner's business alone. SQLite creates its files 0644 (less the umask), but gives -wal and -shm
// the database file's own mode, so making that file 0600 before SQLite opens it covers all three.
// chmod also repairs vaults made before this rule. Windows has no POSIX modes: a no-op there.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

const WINDOWS = process.platform === 'win32';

/** Creates `path` empty (0600) if absent, and makes it 0600 if it exists with another mode. */
export function ensurePrivateFile(path: string): void {
  if (WINDOWS) return;
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/** 0600 for whichever of `paths` exist (the database's -wal and -shm from an older build). */
export function makePrivateIfPresent(...paths: string[]): void {
  if (WINDOWS) return;
  for (const p of paths) if (existsSync(p)) chmodSync(p, 0o600);
}

/** Creates the folder (and its parents) 0700, and makes it 0700 if it exists with another mode. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (!WINDOWS) chmodSync(path, 0o700);
}
