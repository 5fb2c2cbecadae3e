// `core.custody`: the custody history as the reviewer reads it, and the log's own verdict.
import type { UnlockedVault } from '../vault/vault.ts';
import { entriesFor, verifyLog, type LogVerdict } from './custody-log.ts';
import type { CustodyEntry } from './entry.ts';

export class CustodyService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }

  /** The entries of a case (all of them) or of one item, oldest first. */
  history(subject: { caseId: string } | { itemId: string }): CustodyEntry[] {
    return entriesFor(this.#vault().db, subject);
  }

  /** Every entry's hash, the chain, and the log against its latest signed checkpoint. */
  verify(): LogVerdict {
    return verifyLog(this.#vault());
  }
}
