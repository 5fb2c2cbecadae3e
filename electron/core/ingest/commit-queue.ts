// Group commit for ingest: items of this vault commit in twos (or alone when no other is on its
// way), in one transaction, so they share one WAL fsync (about 40 ms on a loaded disk, with the
// main thread blocked) instead of one each. A ready item waits for the next one only while another
// file is still being read or decoded (entered, not yet at its commit); the files of a batch are
// few at a time, so the wait is at most one decode and the decode workers stay busy meanwhile.
// Every item keeps its own savepoint: one that throws is rolled back alone and told so; the others
// are kept. An item's promise settles only after the transaction holding it has committed, so
// nothing is reported ingested before it is durable; if the commit itself fails, all of it fails.
import type { Db } from '../store/db.ts';

interface Waiting {
  work: () => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Items committed in each transaction so far, newest last (a short history, for the tests). */
export const groupSizes: number[] = [];
const HISTORY = 64;
/** Items one transaction waits for, when more are on their way. */
const GROUP = 2;

class CommitQueue {
  readonly #db: Db;
  #waiting: Waiting[] = [];
  /** Files between their start and their commit (or their end without one). */
  #entered = 0;
  #scheduled = false;

  constructor(db: Db) {
    this.#db = db;
  }

  /** A file starts towards a commit; call the returned function once it has committed or given up. */
  enter(): () => void {
    this.#entered++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#entered--;
      this.#maybeFlush();
    };
  }

  /** Runs `work` (which writes one item) inside the next group's transaction. */
  commit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve, reject });
      this.#maybeFlush();
    });
  }

  #maybeFlush(): void {
    const ready = this.#waiting.length;
    // Waiting items have entered too; the rest of the entered files are still on their way.
    if (ready === 0 || (ready < GROUP && this.#entered > ready) || this.#scheduled) return;
    this.#scheduled = true;
    // After the current turn: whatever else finished in it joins this group.
    setImmediate(() => this.#flush());
  }

  #flush(): void {
    this.#scheduled = false;
    const group = this.#waiting.splice(0);
    if (group.length === 0) return;
    const outcomes: Outcome[] = [];
    try {
      this.#db.transaction(() => {
        for (const item of group) {
          try {
            // A savepoint of its own: a throw undoes this item's rows only.
            outcomes.push({ ok: true, value: this.#db.transaction(item.work)() });
          } catch (error) {
            // SQLite rolls the whole transaction back on some errors (a full disk): then no item of
            // the group is in, and all of them fail with it.
            if (!this.#db.inTransaction) throw error;
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    groupSizes.push(group.length);
    if (groupSizes.length > HISTORY) groupSizes.shift();
    group.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value as never);
      else item.reject(outcome?.error);
    });
  }
}

const queues = new WeakMap<Db, CommitQueue>();

function queueOf(db: Db): CommitQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new CommitQueue(db);
    queues.set(db, queue);
  }
  return queue;
}

/**
 * Marks a file of `db`'s ingest as on its way to a commit, so a ready item waits for it; the
 * returned function says it has committed or will not (idempotent; call it in a finally).
 */
export function enterCommitGroup(db: Db): () => void {
  return queueOf(db).enter();
}

/** Commits `work` in one transaction with the other items ready now or soon; see the top. */
export function commitWithGroup<T>(db: Db, work: () => T): Promise<T> {
  return queueOf(db).commit(work);
}
