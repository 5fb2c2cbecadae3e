// Checkpoints as C2SP signed notes (c2sp.org/signed-note, c2sp.org/tlog-checkpoint), Ed25519 only:
//   <origin>\n<tree size>\n<base64 root>\n[<extension line>\n...]\n— <key name> <base64(key id ‖ sig)>\n
// Parsing is strict (valid UTF-8, no control character but newline, every line ending in a
// newline, canonical base64, a tree size without leading zeros, a 32-byte root), since a note that
// two readers read differently proves nothing. Kept free of app imports so the verifier can use it.
import { createHash, verify as edVerify } from 'node:crypto';
import { publicKeyObject } from './signing-key.ts';

export interface Checkpoint {
  origin: string;
  treeSize: number;
  root: Buffer;
  /** Opaque lines after the root; this log writes none. */
  extensions?: string[];
}

/** An Ed25519 key a note may be signed by, under the name its signature lines carry. */
export interface NoteKey {
  name: string;
  publicKey: Uint8Array;
}

const ED25519_ALG = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
// The spec asks for at least 16; Go's x/mod/sumdb/note stops at 100.
const MAX_SIGNATURES = 100;
const ROOT_BYTES = 32;

export function keyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(
      Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([ED25519_ALG]), publicKey]),
    )
    .digest()
    .subarray(0, 4);
}

/** Key names: non-empty, with no Unicode space and no '+'. */
export const validKeyName = (name: string) => name !== '' && !/[\s+]/u.test(name);

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Standard base64 that decodes and re-encodes to itself (no stray characters, no loose padding). */
function canonicalBase64(s: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  const b = Buffer.from(s, 'base64');
  return b.toString('base64') === s ? b : null;
}

/** Reads a verifier key, `<name>+<hex key id>+<base64(0x01 ‖ Ed25519 key)>`; null if malformed. */
export function parseVerifierKey(vkey: string): NoteKey | null {
  const parts = vkey.split('+');
  if (parts.length !== 3) return null;
  const [name, id, key] = parts as [string, string, string];
  const raw = canonicalBase64(key);
  if (!validKeyName(name) || !/^[0-9a-f]{8}$/.test(id) || !raw) return null;
  if (raw.length !== 33 || raw[0] !== ED25519_ALG) return null;
  const publicKey = raw.subarray(1);
  return keyId(name, publicKey).toString('hex') === id ? { name, publicKey } : null;
}

/** The note's lines as one string, signed by `key`: `text` must end in a newline. */
export function signNote(
  text: string,
  key: NoteKey,
  sign: (message: Uint8Array) => Buffer,
): string {
  if (!text.endsWith('\n')) throw new RangeError('a note text ends in a newline');
  if (!validKeyName(key.name)) throw new RangeError(`invalid key name ${key.name}`);
  const sig = Buffer.concat([keyId(key.name, key.publicKey), sign(Buffer.from(text, 'utf8'))]);
  return `${text}\n${SIGNATURE_PREFIX}${key.name} ${sig.toString('base64')}\n`;
}

/**
 * The text of a well-formed note carrying a valid signature by `key`, or null. Signatures by other
 * keys are ignored, as the spec requires; one by `key` that fails rejects the whole note.
 */
export function openNote(input: string | Uint8Array, key: NoteKey): string | null {
  const note = typeof input === 'string' ? input : decodeUtf8(input);
  // eslint-disable-next-line no-control-regex
  if (note === null || !note.isWellFormed() || /[\u0000-\u0009\u000b-\u001f]/.test(note))
    return null;
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return null;
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return null;
  const id = keyId(key.name, key.publicKey);
  let verified = false;
  for (const line of lines) {
    if (!line.startsWith(SIGNATURE_PREFIX)) return null;
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = rest.slice(0, space);
    const sig = space < 0 ? null : canonicalBase64(rest.slice(space + 1));
    if (!validKeyName(name) || !sig || sig.length < 5) return null;
    if (name !== key.name || !sig.subarray(0, 4).equals(id)) continue;
    const ok =
      sig.length === 68 &&
      edVerify(null, Buffer.from(text, 'utf8'), publicKeyObject(key.publicKey), sig.subarray(4));
    if (!ok) return null;
    verified = true;
  }
  return verified ? text : null;
}

export function checkpointText(c: Checkpoint): string {
  const extensions = (c.extensions ?? []).map((l) => `${l}\n`).join('');
  return `${c.origin}\n${c.treeSize}\n${c.root.toString('base64')}\n${extensions}`;
}

/** The checkpoint a note text states, or null unless it follows tlog-checkpoint exactly. */
export function parseCheckpointText(text: string): Checkpoint | null {
  const lines = text.split('\n');
  if (lines.pop() !== '' || lines.length < 3 || lines.some((l) => l === '')) return null;
  const [origin, size, rootB64, ...extensions] = lines as [string, string, string, ...string[]];
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) return null;
  const root = canonicalBase64(rootB64);
  if (!root || root.length !== ROOT_BYTES) return null;
  return { origin, treeSize: Number(size), root, extensions };
}

/** Signs a checkpoint under `keyName`, which should equal its origin (tlog-checkpoint). */
export function signCheckpoint(
  c: Checkpoint,
  keyName: string,
  publicKey: Uint8Array,
  sign: (message: Uint8Array) => Buffer,
): string {
  return signNote(checkpointText(c), { name: keyName, publicKey }, sign);
}

/** Parses a signed checkpoint and checks its signature by `publicKey`; null if anything is off. */
export function openCheckpoint(
  note: string,
  keyName: string,
  publicKey: Uint8Array,
): Checkpoint | null {
  if (publicKey.length !== 32) return null;
  const text = openNote(note, { name: keyName, publicKey });
  return text === null ? null : parseCheckpointText(text);
}
