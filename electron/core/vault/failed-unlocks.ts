// Wrong passphrases are counted outside the vault's evidence: one line per attempt, appended to a
// plain file beside vault.json (a time, nothing else), so separate CLI runs add up. The next
// successful unlock reports the count in its `vault.unlocked` entry, then removes the file.
import { appendFile, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const FAILED_UNLOCKS_FILE = 'failed-unlocks.log';
const TAKEN = /^failed-unlocks\.[0-9a-f]+\.taken$/;

/** O_APPEND: attempts from processes running side by side each land as a whole line. */
export async function countFailedUnlock(dir: string): Promise<void> {
  await appendFile(join(dir, FAILED_UNLOCKS_FILE), `${new Date().toISOString()}\n`, {
    mode: 0o600,
  });
}

export interface TakenAttempts {
  count: number;
  /** Call once the count is recorded; until then a crash leaves it for the next unlock. */
  clear(): Promise<void>;
}

/**
 * The attempts since the last successful unlock. The file is renamed away first, so an attempt
 * made meanwhile starts a new file and is counted next time instead of being lost.
 */
export async function takeFailedUnlocks(dir: string): Promise<TakenAttempts> {
  const taken = join(dir, `failed-unlocks.${randomBytes(6).toString('hex')}.taken`);
  try {
    await rename(join(dir, FAILED_UNLOCKS_FILE), taken);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // Also any left by an unlock that crashed before recording its count.
  const files = (await readdir(dir)).filter((n) => TAKEN.test(n)).map((n) => join(dir, n));
  let count = 0;
  for (const f of files) count += (await readFile(f, 'utf8')).split('\n').filter(Boolean).length;
  return {
    count,
    clear: async () => {
      for (const f of files) await rm(f, { force: true });
    },
  };
}
