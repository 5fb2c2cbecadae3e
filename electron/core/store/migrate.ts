// Versioned migrations in code: one list that only grows, each step in a transaction,
// `PRAGMA user_version` records where a database stands.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { CustodyError } from '../errors.ts';
import { migrations } from './migrations/index.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new CustodyError(
      'DB_TOO_NEW',
      `This vault was written by a newer Custody (schema ${current}, this build knows ${latest}).`,
    );
  }
  for (const m of list) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
