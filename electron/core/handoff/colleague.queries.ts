import type { Db } from '../store/db.ts';
import type { Colleague } from '../../../shared/domain/colleague.ts';

interface ColleagueRow {
  fingerprint: string;
  name: string;
  signing_key: Buffer;
  age_recipient: string;
  added_at: string;
}

const toColleague = (r: ColleagueRow): Colleague => ({
  fingerprint: r.fingerprint,
  name: r.name,
  signingKey: r.signing_key.toString('base64'),
  ageRecipient: r.age_recipient,
  addedAt: r.added_at,
});

export function insertColleague(db: Db, c: Colleague, card: string): void {
  db.prepare(
    'INSERT INTO colleagues (fingerprint, name, signing_key, age_recipient, card, added_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    c.fingerprint,
    c.name,
    Buffer.from(c.signingKey, 'base64'),
    c.ageRecipient,
    card,
    c.addedAt,
  );
}

export function selectColleagues(db: Db): Colleague[] {
  return (
    db.prepare('SELECT * FROM colleagues ORDER BY name, fingerprint').all() as ColleagueRow[]
  ).map(toColleague);
}

export function selectColleague(db: Db, fingerprint: string): Colleague | undefined {
  const row = db.prepare('SELECT * FROM colleagues WHERE fingerprint = ?').get(fingerprint) as
    ColleagueRow | undefined;
  return row ? toColleague(row) : undefined;
}

/** The colleague whose signing key this is: how a bundle's signer is recognised. */
export function colleagueBySigningKey(db: Db, signingKey: Uint8Array): Colleague | undefined {
  const row = db.prepare('SELECT * FROM colleagues WHERE signing_key = ?').get(signingKey) as
    ColleagueRow | undefined;
  return row ? toColleague(row) : undefined;
}

export function deleteColleague(db: Db, fingerprint: string): boolean {
  return db.prepare('DELETE FROM colleagues WHERE fingerprint = ?').run(fingerprint).changes > 0;
}
