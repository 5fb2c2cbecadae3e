// `core.colleagues`: the workstations this one hands cases to and takes them from, each pinned from
// its signed card after the reviewer compared the fingerprint with the colleague.
import type { UnlockedVault } from '../vault/vault.ts';
import { CustodyError, InvalidInputError, NotFoundError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import { openCard } from '../identity/workstation-card.ts';
import { workstationCard } from '../identity/identity.service.ts';
import type { Colleague } from '../../../shared/domain/colleague.ts';
import type { WorkstationCard } from '../../../shared/domain/reviewer.ts';
import {
  deleteColleague,
  insertColleague,
  selectColleague,
  selectColleagues,
} from './colleague.queries.ts';

/** The colleague a send names: by fingerprint, or by name when exactly one has it. */
export function findColleague(vault: UnlockedVault, nameOrFingerprint: string): Colleague {
  const byFingerprint = selectColleague(vault.db, nameOrFingerprint.trim().toLowerCase());
  if (byFingerprint) return byFingerprint;
  const named = selectColleagues(vault.db).filter((c) => c.name === nameOrFingerprint.trim());
  if (named.length === 1) return named[0] as Colleague;
  if (named.length > 1)
    throw new InvalidInputError(
      `${named.length} colleagues are called ${JSON.stringify(nameOrFingerprint)}: name one by fingerprint.`,
    );
  throw new CustodyError(
    'NOT_FOUND',
    `No colleague ${JSON.stringify(nameOrFingerprint)}: add their card first.`,
  );
}

export class ColleagueService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }

  inspect(card: string): WorkstationCard {
    return openCard(card);
  }

  add(cardText: string): Colleague {
    const vault = this.#vault();
    const card = openCard(cardText);
    if (card.fingerprint === workstationCard(vault).fingerprint)
      throw new InvalidInputError('This is this workstation’s own card.');
    if (selectColleague(vault.db, card.fingerprint))
      throw new CustodyError(
        'INVALID_INPUT',
        `${card.name} (${card.fingerprint}) is already a colleague.`,
      );
    const colleague: Colleague = {
      fingerprint: card.fingerprint,
      name: card.name,
      signingKey: card.signingKey,
      ageRecipient: card.ageRecipient,
      addedAt: new Date().toISOString(),
    };
    vault.db.transaction(() => {
      insertColleague(vault.db, colleague, cardText);
      record(vault, {
        action: 'colleague.added',
        details: { fingerprint: card.fingerprint, name: card.name },
      });
    })();
    return colleague;
  }

  list(): Colleague[] {
    return selectColleagues(this.#vault().db);
  }

  remove(fingerprint: string): void {
    const vault = this.#vault();
    const colleague = selectColleague(vault.db, fingerprint);
    if (!colleague) throw new NotFoundError('colleague', fingerprint);
    vault.db.transaction(() => {
      deleteColleague(vault.db, fingerprint);
      record(vault, {
        action: 'colleague.removed',
        details: { fingerprint, name: colleague.name },
      });
    })();
  }
}
