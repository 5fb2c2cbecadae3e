// `core.custody`: the custody history as the reviewer reads it, and the workstation's signing key
// as recipients pin it.
import type { UnlockedVault } from '../vault/vault.ts';
import { entriesFor, keyName, verifyLog, type LogVerdict } from './custody-log.ts';
import { workstationKey } from './signing-key.ts';
import type { CustodyEntry } from './entry.ts';

export interface SigningKeyView {
  algorithm: 'Ed25519';
  /** Hex SHA-256 of the raw public key: what `custody verify --key` takes. */
  fingerprint: string;
  publicKey: string;
  keyName: string;
}

export class CustodyService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }

  /** The entries of a case (all of them) or of one item, oldest first. */
  history(subject: { caseId: string } | { itemId: string }): CustodyEntry[] {
    return entriesFor(this.#vault().db, subject);
  }

  signingKey(): SigningKeyView {
    const vault = this.#vault();
    const key = workstationKey(vault);
    return {
      algorithm: 'Ed25519',
      fingerprint: key.fingerprint,
      publicKey: key.publicKey.toString('base64'),
      keyName: keyName(vault.vaultId),
    };
  }

  /** Every entry's hash, the chain, and the log against its latest signed checkpoint. */
  verify(): LogVerdict {
    return verifyLog(this.#vault());
  }
}
