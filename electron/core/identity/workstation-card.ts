// A workstation card: the reviewer's name and the workstation's two public keys, as a C2SP signed
// note signed by the workstation's own Ed25519 key, so a card altered after export (another name,
// another age recipient) no longer opens. Format: docs/formats/handoff.md.
import { openNote, signNote } from '../custody/signed-note.ts';
import { InvalidInputError } from '../errors.ts';
import { reviewerNameSchema, type WorkstationCard } from '../../../shared/domain/reviewer.ts';
import { recipientKeyBytes } from './age-identity.ts';
import { workstationFingerprint, workstationKeyName } from './fingerprint.ts';

const HEADER = 'custody-workstation-card/v1';
const MAX_CARD_BYTES = 4096;

export function cardText(card: WorkstationCard): string {
  return [
    HEADER,
    `name ${card.name}`,
    `signing-key ${card.signingKey}`,
    `age-recipient ${card.ageRecipient}`,
    `fingerprint ${card.fingerprint}`,
    '',
  ].join('\n');
}

export function signCard(
  card: WorkstationCard,
  publicKey: Uint8Array,
  sign: (m: Uint8Array) => Buffer,
): string {
  return signNote(cardText(card), { name: workstationKeyName(card.fingerprint), publicKey }, sign);
}

function field(lines: string[], i: number, name: string): string {
  const line = lines[i] ?? '';
  if (!line.startsWith(`${name} `)) throw new InvalidInputError(`The card has no ${name} line.`);
  return line.slice(name.length + 1);
}

/**
 * Reads a card (a file's bytes or pasted text) and checks it: every line in place, keys well
 * formed, the fingerprint the one its keys give, and the signature made by its own signing key.
 */
export function openCard(input: string | Uint8Array): WorkstationCard {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > MAX_CARD_BYTES)
    throw new InvalidInputError('This is not a workstation card: too large.');
  // Pasted text may come with Windows line ends or without its final newline.
  const text =
    typeof input === 'string' ? input.replace(/\r\n/g, '\n').replace(/\n*$/, '\n') : input;
  const body = (typeof text === 'string' ? text : Buffer.from(text).toString('utf8')).split('\n');
  if (body[0] !== HEADER) throw new InvalidInputError('This is not a workstation card.');
  const card: WorkstationCard = {
    name: field(body, 1, 'name'),
    signingKey: field(body, 2, 'signing-key'),
    ageRecipient: field(body, 3, 'age-recipient'),
    fingerprint: field(body, 4, 'fingerprint'),
  };
  if (!reviewerNameSchema.safeParse(card.name).success)
    throw new InvalidInputError('The card names its reviewer with unreadable characters.');
  const signingKey = Buffer.from(card.signingKey, 'base64');
  const ageKey = recipientKeyBytes(card.ageRecipient);
  if (signingKey.length !== 32 || signingKey.toString('base64') !== card.signingKey || !ageKey)
    throw new InvalidInputError('The card carries a malformed key.');
  if (workstationFingerprint(signingKey, ageKey) !== card.fingerprint)
    throw new InvalidInputError('The card’s fingerprint does not match its keys.');
  if (
    openNote(text, { name: workstationKeyName(card.fingerprint), publicKey: signingKey }) === null
  )
    throw new InvalidInputError(
      'The card’s signature does not check: it was altered or is not one.',
    );
  return card;
}
