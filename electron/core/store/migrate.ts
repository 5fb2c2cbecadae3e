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

/** Versions are 1, 2, 3, … in list order: a gap, a repeat or a reordering is a build bug. */
export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `Migration ${m.name} has version ${m.version}; at place ${i + 1} it must be ${i + 1}.`,
      );
  });
}

export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  checkMigrationList(list);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = list.length;
  if (current > latest) {
    throw new CustodyError(
      'DB_TOO_NEW',
      `This vault was written by a newer Custody (schema ${current}, this build knows ${latest}).`,
    );
  }
  for (const m of list.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
