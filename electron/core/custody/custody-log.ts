// The custody log: append-only, hash-chained entries in the encrypted store, with signed checkpoints
// of the Merkle tree head. Whoever holds the vault key could rewrite it; packets carry checkpoints
// so copies held elsewhere pin history.
import type { Db } from '../store/db.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import type { Json } from './canonical.ts';
import { entryBytes, entryHash, GENESIS_PREV, type CustodyEntry } from './entry.ts';
import { leafHash, treeHead } from './merkle.ts';
import { signCheckpoint, openCheckpoint } from './signed-note.ts';
import { workstationKey } from './signing-key.ts';
import type { ReviewerStamp } from '../vault/vault.ts';

export type CustodyAction =
  | 'vault.created'
  | 'vault.unlocked'
  | 'vault.locked'
  | 'vault.passphrase-changed'
  | 'case.created'
  | 'case.updated'
  | 'case.closed'
  | 'case.reopened'
  | 'case.destroyed'
  | 'item.ingested'
  | 'item.acquired-again'
  | 'item.ingest-failed'
  | 'item.unveiled'
  | 'item.veiled'
  | 'item.text-revealed'
  | 'item.text-closed'
  | 'item.played'
  | 'item.unmuted'
  | 'item.frames-hashed'
  | 'item.categorised'
  | 'item.annotated'
  | 'packet.exported'
  | 'packet.failed'
  | 'hashlist.imported'
  | 'hashlist.changed'
  | 'hashlist.removed'
  | 'match.confirmed'
  | 'match.rejected'
  | 'item.labelled'
  | 'reviewer.renamed'
  | 'colleague.added'
  | 'colleague.removed'
  | 'case.sent'
  | 'case.received'
  | 'case.taken-back'
  | 'case.merged'
  | 'case.conflict-resolved'
  | 'report.exported'
  | 'report.referenced';

export interface NewEntry {
  action: CustodyAction;
  caseId?: string | null;
  itemId?: string | null;
  details?: { [key: string]: Json };
}

interface EntryRow {
  seq: number;
  at: string;
  actor: string;
  reviewer: string | null;
  workstation: string | null;
  action: string;
  case_id: string | null;
  item_id: string | null;
  details: string;
  prev_hash: Buffer;
  hash: Buffer;
}

function toEntry(r: EntryRow): CustodyEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    ...(r.reviewer !== null ? { reviewer: r.reviewer } : {}),
    ...(r.workstation !== null ? { workstation: r.workstation } : {}),
    action: r.action,
    caseId: r.case_id,
    itemId: r.item_id,
    details: JSON.parse(r.details) as CustodyEntry['details'],
    prev: r.prev_hash.toString('hex'),
    hash: r.hash.toString('hex'),
  };
}

/**
 * Appends one entry. Call inside the transaction of the action it records, so both land or neither.
 * Alone, it runs in BEGIN IMMEDIATE: the write lock comes before the last seq is read, so two
 * processes appending at once (readers of one vault log their unlocks) never both take seq N + 1.
 * Inside a caller's transaction it is a savepoint of it.
 */
export function appendEntry(
  db: Db,
  actor: string,
  e: NewEntry,
  who: ReviewerStamp | null = null,
): CustodyEntry {
  return db.transaction(() => insertNext(db, actor, e, who)).immediate();
}

function insertNext(db: Db, actor: string, e: NewEntry, who: ReviewerStamp | null): CustodyEntry {
  const last = db
    .prepare('SELECT seq, hash FROM custody_entries ORDER BY seq DESC LIMIT 1')
    .get() as { seq: number; hash: Buffer } | undefined;
  const draft = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor,
    ...(who ? { reviewer: who.reviewer, workstation: who.workstation } : {}),
    action: e.action,
    caseId: e.caseId ?? null,
    itemId: e.itemId ?? null,
    details: e.details ?? {},
    prev: last ? last.hash.toString('hex') : GENESIS_PREV,
  };
  const hash = entryHash(draft);
  db.prepare(
    `INSERT INTO custody_entries (seq, at, actor, reviewer, workstation, action, case_id, item_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    draft.seq,
    draft.at,
    actor,
    who?.reviewer ?? null,
    who?.workstation ?? null,
    draft.action,
    draft.caseId,
    draft.itemId,
    JSON.stringify(draft.details),
    Buffer.from(draft.prev, 'hex'),
    Buffer.from(hash, 'hex'),
  );
  return { ...draft, hash };
}

/** Appends an entry as the vault's actor. */
export function record(vault: UnlockedVault, e: NewEntry): CustodyEntry {
  return appendEntry(vault.db, vault.actor, e, vault.reviewer);
}

export function allEntries(db: Db): CustodyEntry[] {
  return (db.prepare('SELECT * FROM custody_entries ORDER BY seq').all() as EntryRow[]).map(
    toEntry,
  );
}

export function entriesFor(db: Db, subject: { caseId?: string; itemId?: string }): CustodyEntry[] {
  const rows = subject.itemId
    ? db.prepare('SELECT * FROM custody_entries WHERE item_id = ? ORDER BY seq').all(subject.itemId)
    : db
        .prepare('SELECT * FROM custody_entries WHERE case_id = ? ORDER BY seq')
        .all(subject.caseId ?? '');
  return (rows as EntryRow[]).map(toEntry);
}

export const leafOf = (e: CustodyEntry) => leafHash(entryBytes(e));

export interface LogProblem {
  seq: number;
  kind: 'changed' | 'missing' | 'out-of-order' | 'truncated' | 'checkpoint';
  message: string;
}

export interface LogVerdict {
  ok: boolean;
  entries: number;
  checkpoint: { treeSize: number; root: string } | null;
  problem: LogProblem | null;
}

/** Walks the chain from the first entry and names the first one changed, missing or out of order. */
export function verifyChain(entries: readonly CustodyEntry[]): LogProblem | null {
  let prev = GENESIS_PREV;
  let expected = 1;
  for (const e of entries) {
    if (e.seq > expected)
      return { seq: expected, kind: 'missing', message: `Entry ${expected} is missing.` };
    if (e.seq < expected)
      return {
        seq: e.seq,
        kind: 'out-of-order',
        message: `Entry ${e.seq} appears twice or out of order.`,
      };
    if (entryHash(e) !== e.hash)
      return {
        seq: e.seq,
        kind: 'changed',
        message: `Entry ${e.seq} was changed after it was written.`,
      };
    if (e.prev !== prev) {
      return {
        seq: e.seq,
        kind: 'out-of-order',
        message: `Entry ${e.seq} does not follow entry ${e.seq - 1}: entries were removed, replaced or reordered.`,
      };
    }
    prev = e.hash;
    expected++;
  }
  return null;
}

export const checkpointOrigin = (vaultId: string) => `custody/${vaultId}`;
/** The checkpoints' signing key name: the origin itself, as tlog-checkpoint recommends. */
export const keyName = checkpointOrigin;
// Checkpoints written before the key name became the origin: still opened, never written.
const legacyKeyName = (vaultId: string) => `custody-${vaultId.slice(0, 12)}`;

/** Signs the current tree head and keeps it; at least on lock and on every packet. */
export function writeCheckpoint(
  vault: UnlockedVault,
  reason: string,
): { note: string; treeSize: number; root: Buffer } {
  const entries = allEntries(vault.db);
  const root = treeHead(entries.map(leafOf));
  const key = workstationKey(vault);
  const c = { origin: checkpointOrigin(vault.vaultId), treeSize: entries.length, root };
  const note = signCheckpoint(c, keyName(vault.vaultId), key.publicKey, key.sign);
  vault.db
    .prepare(
      'INSERT OR REPLACE INTO custody_checkpoints (tree_size, root, note, reason, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(c.treeSize, root, note, reason, new Date().toISOString());
  return { note, treeSize: c.treeSize, root };
}

/** The chain, and the log against its latest signed checkpoint: a truncated log is caught here. */
export function verifyLog(vault: UnlockedVault): LogVerdict {
  const entries = allEntries(vault.db);
  const chainProblem = verifyChain(entries);
  const latest = vault.db
    .prepare('SELECT note FROM custody_checkpoints ORDER BY tree_size DESC LIMIT 1')
    .pluck()
    .get() as string | undefined;
  let checkpoint: LogVerdict['checkpoint'] = null;
  let problem = chainProblem;
  if (latest) {
    const key = workstationKey(vault);
    const c =
      openCheckpoint(latest, keyName(vault.vaultId), key.publicKey) ??
      openCheckpoint(latest, legacyKeyName(vault.vaultId), key.publicKey);
    if (!c) {
      problem ??= {
        seq: 0,
        kind: 'checkpoint',
        message: 'The latest checkpoint does not carry a valid signature.',
      };
    } else {
      checkpoint = { treeSize: c.treeSize, root: c.root.toString('hex') };
      if (entries.length < c.treeSize) {
        problem ??= {
          seq: entries.length + 1,
          kind: 'truncated',
          message: `The signed checkpoint covers ${c.treeSize} entries but only ${entries.length} remain: entries from ${entries.length + 1} on were removed.`,
        };
      } else if (!treeHead(entries.slice(0, c.treeSize).map(leafOf)).equals(c.root)) {
        problem ??= {
          seq: 0,
          kind: 'checkpoint',
          message: `The first ${c.treeSize} entries no longer match their signed checkpoint.`,
        };
      }
    }
  }
  return { ok: problem === null, entries: entries.length, checkpoint, problem };
}
