// Checkpoints in the C2SP signed-note form (c2sp.org/signed-note, c2sp.org/tlog-checkpoint):
//   <origin>\n<tree size>\n<base64 root>\n\n— <key name> <base64(key id ‖ Ed25519 signature)>\n
// Kept free of app imports so the packet verifier can use it unchanged.
import { createHash, verify as edVerify } from 'node:crypto';
import { publicKeyObject } from './signing-key.ts';

export interface Checkpoint {
  origin: string;
  treeSize: number;
  root: Buffer;
}

const ED25519_ALG = 0x01;

export function keyId(name: string, publicKey: Uint8Array): Buffer {
  return createHash('sha256')
    .update(
      Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([ED25519_ALG]), publicKey]),
    )
    .digest()
    .subarray(0, 4);
}

export function checkpointBody(c: Checkpoint): string {
  return `${c.origin}\n${c.treeSize}\n${c.root.toString('base64')}\n`;
}

export function signCheckpoint(
  c: Checkpoint,
  keyName: string,
  publicKey: Uint8Array,
  sign: (message: Uint8Array) => Buffer,
): string {
  const body = checkpointBody(c);
  const sig = sign(Buffer.from(body, 'utf8'));
  return `${body}\n\u2014 ${keyName} ${Buffer.concat([keyId(keyName, publicKey), sig]).toString('base64')}\n`;
}

/** Parses a signed checkpoint and checks its signature by `publicKey`; null if anything is off. */
export function openCheckpoint(
  note: string,
  keyName: string,
  publicKey: Uint8Array,
): Checkpoint | null {
  const split = note.indexOf('\n\n');
  if (split < 0) return null;
  const body = note.slice(0, split + 1);
  const lines = body.split('\n');
  if (lines.length !== 4 || lines[3] !== '') return null;
  const [origin, size, rootB64] = lines as [string, string, string];
  if (!/^\d+$/.test(size)) return null;
  const id = keyId(keyName, publicKey);
  for (const line of note.slice(split + 2).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m || m[1] !== keyName) continue;
    const raw = Buffer.from(m[2] ?? '', 'base64');
    if (raw.length !== 68 || !raw.subarray(0, 4).equals(id)) continue;
    if (edVerify(null, Buffer.from(body, 'utf8'), publicKeyObject(publicKey), raw.subarray(4))) {
      return { origin, treeSize: Number(size), root: Buffer.from(rootB64, 'base64') };
    }
  }
  return null;
}
