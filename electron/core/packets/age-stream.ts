// Whole-packet encryption in the age format (age-encryption.org/v1), so a recipient opens it with
// the standard `age` tool. The library encrypts a web stream chunk by chunk, so a packet of any
// size streams through in 64 KiB pieces.
import { Readable } from 'node:stream';
import { Encrypter } from 'age-encryption';
import { InvalidInputError } from '../errors.ts';

export type PacketRecipient = { ageRecipient: string } | { passphrase: string };

export function recipientKind(
  r: PacketRecipient | undefined,
): 'none' | 'age-recipient' | 'age-passphrase' {
  if (!r) return 'none';
  return 'ageRecipient' in r ? 'age-recipient' : 'age-passphrase';
}

/** Checked before any work is done, so a typo in a recipient fails at once. */
export function encrypterFor(r: PacketRecipient): Encrypter {
  const e = new Encrypter();
  if ('ageRecipient' in r) {
    if (!/^age1[02-9ac-hj-np-z]+$/.test(r.ageRecipient.trim()))
      throw new InvalidInputError('The recipient is not an age public key (age1...).');
    try {
      e.addRecipient(r.ageRecipient.trim());
    } catch {
      throw new InvalidInputError('The recipient is not a valid age public key.');
    }
  } else {
    if (r.passphrase.length === 0) throw new InvalidInputError('The packet passphrase is empty.');
    e.setPassphrase(r.passphrase);
  }
  return e;
}

export async function ageEncrypt(input: Readable, encrypter: Encrypter): Promise<Readable> {
  const web = Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>;
  const out = await encrypter.encrypt(web);
  // Node's and the DOM's ReadableStream types differ only in typing; the object is Node's own. The
  // cast is needed where a program sees both (the harness's tsconfig), and redundant elsewhere.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return Readable.fromWeb(out as unknown as Parameters<typeof Readable.fromWeb>[0]);
}
