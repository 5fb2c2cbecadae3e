// Whole-packet encryption in the age format (age-encryption.org/v1), so a recipient opens it with
// the standard `age` tool. The age library writes the header (recipient stanzas and MAC); the
// payload is sealed natively by age-payload.ts, chunk by chunk, so a packet of any size streams
// through in 64 KiB pieces at node:crypto's speed rather than the library's JavaScript cipher's.
import { pipeline, Readable } from 'node:stream';
import { Encrypter, type Recipient, type Stanza } from 'age-encryption';
import { InvalidInputError } from '../errors.ts';
import { PAYLOAD_NONCE, PayloadSealer, TAG } from './age-payload.ts';

export type PacketRecipient = { ageRecipient: string } | { passphrase: string };

export function recipientKind(
  r: PacketRecipient | undefined,
): 'none' | 'age-recipient' | 'age-passphrase' {
  if (!r) return 'none';
  return 'ageRecipient' in r ? 'age-recipient' : 'age-passphrase';
}

/**
 * A recipient that adds no stanza and hands over the file key the library drew for the header
 * being written: the one way the library lets the payload be sealed outside it. It keeps the key
 * only while one header is being made (armed), and never after it is taken.
 */
class FileKeyTap implements Recipient {
  #armed = false;
  #key: Uint8Array | null = null;

  arm(): void {
    this.#armed = true;
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    if (this.#armed) this.#key = Uint8Array.from(fileKey);
    this.#armed = false;
    return [];
  }

  take(): Uint8Array {
    const key = this.#key;
    this.#key = null;
    if (!key) throw new Error('The age library did not hand over the file key.');
    return key;
  }
}

/** A header ends with its MAC line: "---", a space, 43 base64 characters. */
const HEADER_END = /\n--- [A-Za-z0-9+/]{43}\n$/;

const taps = new WeakMap<Encrypter, { tap: FileKeyTap; turn: Promise<unknown> }>();

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
    const tap = new FileKeyTap();
    e.addRecipient(tap);
    taps.set(e, { tap, turn: Promise.resolve() });
  } else {
    // The library makes its scrypt stanza inside encrypt(), with no recipient beside it to see the
    // file key: a passphrase packet's payload stays with the library's own cipher.
    if (r.passphrase.length === 0) throw new InvalidInputError('The packet passphrase is empty.');
    e.setPassphrase(r.passphrase);
  }
  return e;
}

/** The header the library writes for a fresh file key, and that key. One header at a time. */
async function headerAndKey(
  e: Encrypter,
  entry: { tap: FileKeyTap; turn: Promise<unknown> },
): Promise<{ header: Uint8Array; fileKey: Uint8Array }> {
  const made = entry.turn.then(async () => {
    entry.tap.arm();
    // An empty file is header, payload nonce and one sealed empty chunk: the header is the rest.
    const whole = await e.encrypt(new Uint8Array(0));
    const fileKey = entry.tap.take();
    const header = whole.subarray(0, whole.length - PAYLOAD_NONCE - TAG);
    if (!HEADER_END.test(Buffer.from(header.subarray(-64)).toString('latin1'))) {
      fileKey.fill(0);
      throw new Error('The age library wrote an empty file of an unexpected shape.');
    }
    return { header, fileKey };
  });
  entry.turn = made.catch(() => {});
  return made;
}

export async function ageEncrypt(input: Readable, encrypter: Encrypter): Promise<Readable> {
  const entry = taps.get(encrypter);
  if (entry) {
    const { header, fileKey } = await headerAndKey(encrypter, entry);
    const sealer = new PayloadSealer(fileKey, header);
    fileKey.fill(0);
    // Any error of the input ends the sealer with it, so the consumer's pipeline fails.
    pipeline(input, sealer, () => {});
    return sealer;
  }
  const web = Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>;
  const out = await encrypter.encrypt(web);
  // Node's and the DOM's ReadableStream types differ only in typing; the object is Node's own. The
  // cast is needed where a program sees both (the harness's tsconfig), and redundant elsewhere.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return Readable.fromWeb(out as unknown as Parameters<typeof Readable.fromWeb>[0]);
}
