// `core.handoff`: sending a case to a colleague, receiving one (new, or back again and merged),
// taking back a case a colleague cannot return, and the proven history received with a case.
import type { UnlockedVault } from '../vault/vault.ts';
import { CustodyError, InvalidInputError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import { entryHash, type CustodyEntry } from '../custody/entry.ts';
import { leafOf } from '../custody/custody-log.ts';
import { verifyInclusion } from '../custody/merkle.ts';
import { openCheckpoint } from '../custody/signed-note.ts';
import { getCase } from '../cases/case.service.ts';
import { closeZip } from '../packets/zip-read.ts';
import { selectColleague } from './colleague.queries.ts';
import { sendCase, type SendResult } from './send.ts';
import { openBundle } from './open-bundle.ts';
import { importBundle, type ReceiveResult } from './import-bundle.ts';
import { resolveConflict, type Keep } from './resolve-conflict.ts';
import {
  caseConflicts,
  markTakenBack,
  receivedMatches,
  type ConflictRow,
  type ReceivedMatch,
  receivedBundle,
  receivedEntries,
  selectHandoff,
} from './handoff.queries.ts';

export interface HandoffStatus {
  state: 'here' | 'with-colleague' | 'taken-back';
  colleague: { name: string; fingerprint: string } | null;
  since: string | null;
}

export interface ProvenHistoryEntry {
  from: { name: string; fingerprint: string };
  entry: CustodyEntry;
  /** Re-checked on every read: the entry's hash and its inclusion in the sender's signed checkpoint. */
  verified: boolean;
}

export type MergeConflict = Omit<ConflictRow, 'caseId' | 'createdAt'>;

export function handoffStatus(vault: UnlockedVault, caseId: string): HandoffStatus {
  getCase(vault, caseId);
  const h = selectHandoff(vault.db, caseId);
  if (!h) return { state: 'here', colleague: null, since: null };
  return {
    state: h.status,
    colleague: { name: h.colleague_name, fingerprint: h.colleague_fingerprint },
    since: h.sent_at,
  };
}

export function provenHistory(vault: UnlockedVault, caseId: string): ProvenHistoryEntry[] {
  getCase(vault, caseId);
  return receivedEntries(vault.db, caseId).map((r) => {
    const entry = JSON.parse(r.entry) as CustodyEntry;
    const proof = (JSON.parse(r.proof) as string[]).map((p) => Buffer.from(p, 'base64'));
    const colleague = selectColleague(vault.db, r.sender_fingerprint);
    const bundle = receivedBundle(vault.db, r.bundle_sha256);
    const origin = bundle?.checkpoint.slice(0, bundle.checkpoint.indexOf('\n')) ?? '';
    const checkpoint =
      bundle && colleague
        ? openCheckpoint(bundle.checkpoint, origin, Buffer.from(colleague.signingKey, 'base64'))
        : null;
    const verified =
      checkpoint !== null &&
      entryHash(entry) === entry.hash &&
      verifyInclusion(leafOf(entry), entry.seq - 1, checkpoint.treeSize, proof, checkpoint.root);
    return {
      from: { name: colleague?.name ?? entry.reviewer ?? '', fingerprint: r.sender_fingerprint },
      entry,
      verified,
    };
  });
}

/** A typed override's reason, as the hash lists' reveal override asks. */
export const TAKE_BACK_REASON_MIN = 10;

export class HandoffService {
  readonly #vault: () => UnlockedVault;
  readonly #onItemsAdded: (itemIds: readonly string[]) => void;
  constructor(vault: () => UnlockedVault, onItemsAdded: (itemIds: readonly string[]) => void) {
    this.#vault = vault;
    this.#onItemsAdded = onItemsAdded;
  }

  send(o: { caseId: string; to: string; out: string }): Promise<SendResult> {
    return sendCase(this.#vault(), o);
  }

  async receive(path: string): Promise<ReceiveResult> {
    const vault = this.#vault();
    const opened = await openBundle(vault, path);
    try {
      const received = await importBundle(vault, opened);
      this.#onItemsAdded(received.addedItemIds);
      return received;
    } finally {
      closeZip(opened.zip);
    }
  }

  status(caseId: string): HandoffStatus {
    return handoffStatus(this.#vault(), caseId);
  }

  history(caseId: string): ProvenHistoryEntry[] {
    return provenHistory(this.#vault(), caseId);
  }

  /** What came back different on both sides (an item's category or label, a case field). */
  conflicts(caseId: string): MergeConflict[] {
    const vault = this.#vault();
    getCase(vault, caseId);
    return caseConflicts(vault.db, caseId).map(({ caseId: _c, createdAt: _t, ...c }) => c);
  }

  /** Decides a conflict: keep this side's value or take the colleague's; logged. */
  resolve(caseId: string, conflictId: number, keep: Keep): MergeConflict[] {
    resolveConflict(this.#vault(), caseId, conflictId, keep);
    return this.conflicts(caseId);
  }

  /** The hash-list matches colleagues' workstations found in the case's items. */
  receivedMatches(caseId: string): ReceivedMatch[] {
    const vault = this.#vault();
    getCase(vault, caseId);
    return receivedMatches(vault.db, caseId);
  }

  /** The override for a colleague who cannot send the case back: logged, with the reason. */
  takeBack(caseId: string, reason: string): HandoffStatus {
    const vault = this.#vault();
    const h = selectHandoff(vault.db, caseId);
    if (h?.status !== 'with-colleague')
      throw new CustodyError('INVALID_INPUT', `Case ${caseId} is not with a colleague.`);
    if (reason.trim().length < TAKE_BACK_REASON_MIN)
      throw new InvalidInputError(
        `Taking a case back needs a reason of at least ${TAKE_BACK_REASON_MIN} characters.`,
      );
    vault.db.transaction(() => {
      markTakenBack(vault.db, caseId);
      record(vault, {
        action: 'case.taken-back',
        caseId,
        details: {
          from: h.colleague_fingerprint,
          fromName: h.colleague_name,
          reason: reason.trim(),
        },
      });
    })();
    return handoffStatus(vault, caseId);
  }
}
