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
import {
  caseConflicts,
  markTakenBack,
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

export interface CategoryConflict {
  itemId: string;
  ours: string | null;
  theirs: string | null;
  colleague: string;
}

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

export class HandoffService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }

  send(o: { caseId: string; to: string; out: string }): Promise<SendResult> {
    return sendCase(this.#vault(), o);
  }

  async receive(path: string): Promise<ReceiveResult> {
    const vault = this.#vault();
    const opened = await openBundle(vault, path);
    try {
      return await importBundle(vault, opened);
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

  conflicts(caseId: string): CategoryConflict[] {
    return caseConflicts(this.#vault().db, caseId).map((c) => ({
      itemId: c.item_id,
      ours: c.ours,
      theirs: c.theirs,
      colleague: c.colleague_fingerprint,
    }));
  }

  /** The override for a colleague who cannot send the case back: logged, with the reason. */
  takeBack(caseId: string, reason: string): HandoffStatus {
    const vault = this.#vault();
    const h = selectHandoff(vault.db, caseId);
    if (h?.status !== 'with-colleague')
      throw new CustodyError('INVALID_INPUT', `Case ${caseId} is not with a colleague.`);
    if (!reason.trim()) throw new InvalidInputError('Taking a case back needs a reason.');
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
