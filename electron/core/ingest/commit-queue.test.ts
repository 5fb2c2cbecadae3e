// Group commit on a real SQLite database: items ready in the same turn share one transaction, an
// item that throws is rolled back alone, and no promise settles before its transaction commits.
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { commitWithGroup, enterCommitGroup, groupSizes } from './commit-queue.ts';

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY)');
  const insert = (id: string) => () => {
    db.prepare('INSERT INTO items (id) VALUES (?)').run(id);
    return id;
  };
  const ids = () =>
    (db.prepare('SELECT id FROM items ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  return { db, insert, ids };
}

describe('commitWithGroup', () => {
  it('commits the items ready in one turn in one transaction, settling only after it', async () => {
    const { db, insert, ids } = table();
    const seen: boolean[] = [];
    const settle = (id: string) =>
      commitWithGroup(db, insert(id)).then((v) => {
        seen.push(db.inTransaction);
        return v;
      });
    const done = await Promise.all([settle('a'), settle('b'), settle('c')]);
    expect(done).toEqual(['a', 'b', 'c']);
    expect(groupSizes.at(-1)).toBe(3);
    expect(seen).toEqual([false, false, false]);
    expect(ids()).toEqual(['a', 'b', 'c']);
  });

  it('rolls back only the item that throws; the others of its group are kept', async () => {
    const { db, insert, ids } = table();
    const results = await Promise.allSettled([
      commitWithGroup(db, insert('a')),
      commitWithGroup(db, () => {
        insert('half')();
        throw new Error('this item fails after writing a row');
      }),
      commitWithGroup(db, insert('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(ids()).toEqual(['a', 'c']);
  });

  it('fails every item of a group whose transaction cannot commit', async () => {
    const { db, insert, ids } = table();
    const closing = Promise.allSettled([
      commitWithGroup(db, insert('a')),
      commitWithGroup(db, insert('b')),
    ]);
    db.close();
    const results = await closing;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(() => ids()).toThrow();
  });

  it('starts a new group for an item that arrives after the flush', async () => {
    const { db, insert } = table();
    await commitWithGroup(db, insert('first'));
    await commitWithGroup(db, insert('second'));
    expect(groupSizes.slice(-2)).toEqual([1, 1]);
  });
  it('a ready item waits for a file still on its way, and they commit together', async () => {
    const { db, insert, ids } = table();
    const leaveA = enterCommitGroup(db);
    const leaveB = enterCommitGroup(db);
    let settled = false;
    const a = commitWithGroup(db, insert('a')).then(() => (settled = true));
    await nextTurn();
    await nextTurn();
    expect(settled).toBe(false);
    expect(ids()).toEqual([]);
    const b = commitWithGroup(db, insert('b'));
    await Promise.all([a, b]);
    leaveA();
    leaveB();
    expect(groupSizes.at(-1)).toBe(2);
    expect(ids()).toEqual(['a', 'b']);
  });

  it('commits a ready item alone once the file it waited for gives up without committing', async () => {
    const { db, insert, ids } = table();
    const leaveA = enterCommitGroup(db);
    const leaveB = enterCommitGroup(db);
    const a = commitWithGroup(db, insert('a'));
    await nextTurn();
    leaveB();
    await a;
    leaveA();
    expect(groupSizes.at(-1)).toBe(1);
    expect(ids()).toEqual(['a']);
  });
});
