// The reviewer's identity: a name every custody entry carries, an age identity the standard tool
// agrees with, and a signed card that stops opening once anything on it is changed.
import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { freshCore, type FreshCore } from '../../../tests/helpers/vault.ts';
import { withAgeIdentity } from './age-identity.ts';
import { openCard } from './workstation-card.ts';
import { allEntries, verifyLog } from '../custody/custody-log.ts';

let fresh: FreshCore | null = null;
afterEach(async () => {
  await fresh?.cleanup();
  fresh = null;
});

async function namedCore(name: string) {
  fresh = await freshCore();
  fresh.core.identity.rename(name);
  return fresh.core;
}

describe('the workstation identity', () => {
  it("has an age identity whose recipient Debian's age-keygen derives the same", async () => {
    const core = await namedCore('Alice Night');
    const card = core.identity.card();
    const derived = withAgeIdentity(core.vault(), (identity) =>
      execFileSync('age-keygen', ['-y'], { input: `${identity}\n` })
        .toString()
        .trim(),
    );
    expect(derived).toBe(card.ageRecipient);
    expect(card.fingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/);
  });

  it('keeps the same keys across lock and unlock', async () => {
    const core = await namedCore('Alice Night');
    const before = core.identity.card();
    core.lock();
    await core.unlock('correct horse battery staple');
    expect(core.identity.card()).toEqual(before);
  });

  it('stamps entries with the reviewer and workstation, and older entries still verify', async () => {
    fresh = await freshCore();
    const core = fresh.core;
    // freshCore makes a vault without a name: its entries carry none.
    core.identity.rename('Bea Day');
    core.cases.create({
      title: 'A case',
      kind: 'other',
      emergency: false,
      languages: [],
      externalRefs: [],
      notes: '',
    });
    const entries = allEntries(core.vault().db);
    expect(entries[0]?.reviewer).toBeUndefined();
    const last = entries.at(-1)!;
    expect(last.action).toBe('case.created');
    expect(last.reviewer).toBe('Bea Day');
    expect(last.workstation).toBe(core.identity.card().fingerprint);
    expect(verifyLog(core.vault()).ok).toBe(true);
    // A name changed afterwards in the database is caught as a changed entry.
    core
      .vault()
      .db.prepare('UPDATE custody_entries SET reviewer = ? WHERE seq = ?')
      .run('Mallory', last.seq);
    const verdict = verifyLog(core.vault());
    expect(verdict.problem).toMatchObject({ seq: last.seq, kind: 'changed' });
  });

  it('records a rename, and refuses a name that could forge a line', async () => {
    const core = await namedCore('Alice');
    core.identity.rename('Alice Night');
    expect(allEntries(core.vault().db).at(-1)).toMatchObject({
      action: 'reviewer.renamed',
      details: { from: 'Alice', to: 'Alice Night' },
    });
    expect(() => core.identity.rename('Alice\nfingerprint 0000')).toThrow(/control or direction/);
    expect(() => core.identity.rename('   ')).toThrow(/empty/);
  });
});

describe('the workstation card', () => {
  it('opens as written, with its fingerprint and keys', async () => {
    const core = await namedCore('Alice Night');
    expect(openCard(core.identity.cardFile())).toEqual(core.identity.card());
    // Pasted text loses its final newline or gains CRLF line ends.
    const pasted = core.identity.cardFile().trimEnd().replace(/\n/g, '\r\n');
    expect(openCard(pasted)).toEqual(core.identity.card());
  });

  it('is refused once its name, its age recipient or its signature is changed', async () => {
    const core = await namedCore('Alice Night');
    const file = core.identity.cardFile();
    expect(() => openCard(file.replace('name Alice Night', 'name Mallory'))).toThrow(
      /signature does not check/,
    );
    // Another age key with the fingerprint recomputed still fails the signature.
    const other = execFileSync('age-keygen').toString();
    const otherRecipient = /age1[0-9a-z]+/.exec(other)![0];
    expect(() =>
      openCard(file.replace(/age-recipient age1[0-9a-z]+/, `age-recipient ${otherRecipient}`)),
    ).toThrow(/fingerprint does not match|signature/);
    const sigAt = file.lastIndexOf(' ') + 10;
    const flipped =
      file.slice(0, sigAt) + (file[sigAt] === 'A' ? 'B' : 'A') + file.slice(sigAt + 1);
    expect(() => openCard(flipped)).toThrow(/signature does not check|not/);
    expect(() => openCard('hello')).toThrow(/not a workstation card/);
  });

  it('cannot be made before the reviewer has a name', async () => {
    fresh = await freshCore();
    expect(() => fresh!.core.identity.cardFile()).toThrow(/no name yet/);
  });
});
