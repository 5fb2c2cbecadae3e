// `core.identity`: who reviews on this workstation (a display name, editable) and the workstation's
// public identity: its Ed25519 signing key, its age recipient and the one short fingerprint over both.
import type { ReviewerStamp, UnlockedVault } from '../vault/vault.ts';
import { workstationKey } from '../custody/signing-key.ts';
import { keyName, record } from '../custody/custody-log.ts';
import { reviewerNameSchema, type WorkstationCard } from '../../../shared/domain/reviewer.ts';
import { writeFile } from 'node:fs/promises';
import { InvalidInputError } from '../errors.ts';
import { ageRecipient, recipientKeyBytes } from './age-identity.ts';
import { workstationFingerprint } from './fingerprint.ts';
import { signCard } from './workstation-card.ts';
import { noReviewerNameError } from '../input-errors.ts';

const NAME_SETTING = 'reviewer_name';

export function checkedName(name: string): string {
  const parsed = reviewerNameSchema.safeParse(name);
  if (!parsed.success)
    throw new InvalidInputError(
      `The reviewer name is not usable: ${parsed.error.issues[0]?.message}.`,
    );
  return parsed.data;
}

export function reviewerName(vault: UnlockedVault): string | null {
  return (
    (vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(NAME_SETTING) as
      string | undefined) ?? null
  );
}

export function storeReviewerName(vault: UnlockedVault, name: string): void {
  vault.db
    .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
    .run(NAME_SETTING, checkedName(name));
}

/** The card for this workstation; its keys are created on first use. */
export function workstationCard(vault: UnlockedVault): WorkstationCard {
  const key = workstationKey(vault);
  const recipient = ageRecipient(vault);
  return {
    name: reviewerName(vault) ?? '',
    signingKey: key.publicKey.toString('base64'),
    ageRecipient: recipient,
    fingerprint: workstationFingerprint(key.publicKey, recipientKeyBytes(recipient)!),
  };
}

/** What every custody entry of this session records about who acted; null until a name is set. */
export function reviewerStamp(vault: UnlockedVault): ReviewerStamp | null {
  const card = workstationCard(vault);
  return card.name ? { reviewer: card.name, workstation: card.fingerprint } : null;
}

export class IdentityService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }

  card(): WorkstationCard {
    return workstationCard(this.#vault());
  }

  /** Both public keys, the short fingerprint over them, and the name (`custody key show`). */
  show() {
    const vault = this.#vault();
    const card = workstationCard(vault);
    const key = workstationKey(vault);
    return {
      algorithm: 'Ed25519' as const,
      fingerprint: key.fingerprint,
      publicKey: card.signingKey,
      keyName: keyName(vault.vaultId),
      reviewer: card.name || null,
      ageRecipient: card.ageRecipient,
      workstationFingerprint: card.fingerprint,
    };
  }

  /** The card as a signed file (a C2SP signed note), to hand to colleagues. */
  /** Writes the card file (never over an existing file: the save dialog asked about that). */
  async exportCard(out: string): Promise<{ out: string; bytes: number }> {
    const text = this.cardFile();
    await writeFile(out, text, { encoding: 'utf8', mode: 0o644 });
    return { out, bytes: Buffer.byteLength(text, 'utf8') };
  }

  cardFile(): string {
    const vault = this.#vault();
    const card = workstationCard(vault);
    if (!card.name) throw noReviewerNameError();
    const key = workstationKey(vault);
    return signCard(card, key.publicKey, key.sign);
  }

  rename(name: string): WorkstationCard {
    const vault = this.#vault();
    const before = reviewerName(vault);
    const after = checkedName(name);
    vault.db.transaction(() => {
      storeReviewerName(vault, after);
      vault.reviewer = reviewerStamp(vault);
      record(vault, { action: 'reviewer.renamed', details: { from: before, to: after } });
    })();
    return workstationCard(vault);
  }
}
