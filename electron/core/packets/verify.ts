// `custody verify`: checks a packet with nothing of the app but Node: no vault, no native module.
// The signature over the exact manifest bytes, the signer against a pinned fingerprint, every file
// against its SHA-256, nothing missing or extra, the originals against their items' three hashes,
// the text layers and children's provenance (verify-written.ts), and the custody entries against
// the signed checkpoint. Format: docs/formats/packet.md.
import { verify as edVerify } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { InvalidInputError } from '../errors.ts';
import {
  armoredAgeError,
  cannotReadError,
  identityUnreadableError,
  noIdentityError,
  noManifestError,
  notAPacketError,
} from '../input-errors.ts';
import { TwoCoreHasher } from '../crypto/multi-hash.ts';
import { keyFingerprint, publicKeyObject } from '../custody/signing-key.ts';
import {
  AgePayloadError,
  openAgePayload,
  parseIdentityFile,
  sniffAge,
  type AgeKeys,
} from './age-reader.ts';
import {
  MANIFEST_PATH,
  SIGNATURE_PATH,
  manifestSchema,
  signatureSchema,
  type Manifest,
} from './manifest.ts';
import type { ItemStatus, Problem, Verdict } from './verdict.ts';
import { checkCustody } from './verify-custody.ts';
import { checkProvenance, checkTexts } from './verify-written.ts';
import { checkEntryKinds, checkLayout } from './zip-layout.ts';
import {
  ageReadAt,
  closeZip,
  digestEntry,
  fileReadAt,
  entryName,
  listEntries,
  openAgeZip,
  openZipFile,
  readEntry,
  unsafeName,
  type ReadAt,
  type Digests,
  type ZipEntry,
  type ZipFile,
} from './zip-read.ts';

export type { Verdict, Problem } from './verdict.ts';

export interface VerifyOptions {
  /** The fingerprint the recipient expects (hex SHA-256 of the raw Ed25519 key); colons allowed. */
  key?: string | undefined;
  /** An age identity file (AGE-SECRET-KEY-1...), for encrypted packets. */
  identity?: string | undefined;
  /** The packet passphrase, for packets encrypted to one. */
  passphrase?: string | undefined;
}

const MAX_MANIFEST = 256 * 1024 * 1024;
const MAX_SIGNATURE = 64 * 1024;

async function ageKeys(o: VerifyOptions): Promise<AgeKeys> {
  let identities: string[] = [];
  if (o.identity) {
    let text: string;
    try {
      text = await readFile(o.identity, 'utf8');
    } catch {
      throw identityUnreadableError(o.identity);
    }
    identities = parseIdentityFile(text);
    if (!identities.length) throw noIdentityError(o.identity);
  }
  return { identities, passphrase: o.passphrase };
}

interface OpenPacket {
  zip: ZipFile;
  /** The ZIP's raw bytes (decrypted, for an age packet) and their count. */
  read: ReadAt;
  size: number;
  close: () => Promise<void>;
}

async function openPlain(path: string): Promise<OpenPacket> {
  const fh = await open(path, 'r');
  const size = (await fh.stat()).size;
  let zip: ZipFile;
  try {
    zip = await openZipFile(fh, size);
  } catch {
    await fh.close();
    throw notAPacketError(path);
  }
  return {
    zip,
    read: fileReadAt(fh),
    size,
    close: async () => {
      closeZip(zip);
      await fh.close();
    },
  };
}

async function openPacket(path: string, o: VerifyOptions): Promise<OpenPacket> {
  try {
    if (!(await stat(path)).isFile()) throw new Error('not a file');
  } catch {
    throw cannotReadError(path);
  }
  const kind = await sniffAge(path);
  if (kind === 'age-armored') throw armoredAgeError();
  if (kind !== 'age') return openPlain(path);
  const payload = await openAgePayload(path, await ageKeys(o));
  try {
    const zip = await openAgeZip(payload);
    return {
      zip,
      read: ageReadAt(payload),
      size: payload.size,
      close: () => Promise.resolve(closeZip(zip)),
    };
  } catch (e) {
    await payload.close();
    throw new InvalidInputError(
      `The decrypted packet is not a readable ZIP: ${(e as Error).message}.`,
    );
  }
}

export const normalizeFingerprint = (s: string) => s.toLowerCase().replace(/[\s:]/g, '');

interface Signed {
  publicKey: Buffer | null;
  problems: Problem[];
}

async function checkSignature(
  zip: ZipFile,
  sigEntry: ZipEntry | undefined,
  manifestBytes: Buffer,
): Promise<Signed> {
  const fail = (code: string, message: string): Signed => ({
    publicKey: null,
    problems: [{ code, message, path: SIGNATURE_PATH }],
  });
  if (!sigEntry)
    return fail('signature-missing', 'The packet has no manifest.sig: nothing proves who made it.');
  let sig;
  try {
    sig = signatureSchema.parse(
      JSON.parse((await readEntry(zip, sigEntry, MAX_SIGNATURE)).toString('utf8')),
    );
  } catch {
    return fail('signature-invalid', 'manifest.sig is not a readable signature.');
  }
  const publicKey = Buffer.from(sig.publicKey, 'base64');
  if (publicKey.length !== 32)
    return fail('signature-invalid', 'manifest.sig holds no Ed25519 key.');
  const ok = edVerify(
    null,
    manifestBytes,
    publicKeyObject(publicKey),
    Buffer.from(sig.signature, 'base64'),
  );
  if (!ok)
    return fail(
      'signature-invalid',
      'The signature does not match manifest.json: the manifest was changed after it was signed.',
    );
  return { publicKey, problems: [] };
}

function checkSigner(m: Manifest, signed: Buffer | null, fingerprint: string | null): Problem[] {
  if (!signed) return [];
  if (m.signer.publicKey !== signed.toString('base64') || m.signer.fingerprint !== fingerprint)
    return [
      {
        code: 'signer-mismatch',
        message: 'The key that signed the manifest is not the key the manifest names.',
        path: MANIFEST_PATH,
      },
    ];
  return [];
}

async function checkFiles(
  zip: ZipFile,
  entries: Map<string, ZipEntry>,
  m: Manifest,
): Promise<{ problems: Problem[]; digests: Map<string, Digests | null> }> {
  const problems: Problem[] = [];
  const digests = new Map<string, Digests | null>();
  const listed = new Map(m.files.map((f) => [f.path, f]));
  const hasher = new TwoCoreHasher();
  try {
    for (const [path, entry] of entries) {
      if (path === MANIFEST_PATH || path === SIGNATURE_PATH) continue;
      const want = listed.get(path);
      if (!want) {
        problems.push({
          code: 'file-extra',
          message: `${path} is not listed in the manifest.`,
          path,
        });
        continue;
      }
      try {
        const d = await digestEntry(zip, entry, hasher);
        digests.set(path, d);
        if (d.sha256 !== want.sha256 || d.size !== want.size)
          problems.push({
            code: 'file-altered',
            message: `${path} does not match its SHA-256 in the manifest: it was altered.`,
            path,
          });
      } catch (e) {
        digests.set(path, null);
        problems.push({
          code: 'file-unreadable',
          message: `${path} cannot be read: ${(e as Error).message}`,
          path,
        });
      }
    }
  } finally {
    await hasher.close();
  }
  for (const f of m.files) {
    if (!entries.has(f.path))
      problems.push({
        code: 'file-missing',
        message: `${f.path} is missing from the packet.`,
        path: f.path,
      });
  }
  return { problems, digests };
}

function checkItems(
  m: Manifest,
  digests: Map<string, Digests | null>,
): { problems: Problem[]; items: Verdict['items'] } {
  const problems: Problem[] = [];
  const listed = new Set(m.files.map((f) => f.path));
  const items = m.items.map((i) => {
    let status: ItemStatus = 'hashes-only';
    if (i.evidence !== null) {
      const d = digests.get(i.evidence);
      if (!listed.has(i.evidence) || d === undefined) status = 'missing';
      else if (d === null) status = 'unreadable';
      else if (d.sha256 !== i.sha256 || d.sha1 !== i.sha1 || d.md5 !== i.md5 || d.size !== i.size)
        status = 'altered';
      else status = 'ok';
      if (status === 'altered' || (status === 'missing' && !listed.has(i.evidence)))
        problems.push({
          code: status === 'altered' ? 'evidence-mismatch' : 'evidence-unlisted',
          message:
            status === 'altered'
              ? `${i.evidence} does not match the SHA-256, SHA-1 and MD5 recorded for item ${i.id}.`
              : `The original of item ${i.id} is not in the manifest's file list.`,
          path: i.evidence,
        });
    }
    return { id: i.id, name: i.originalName, sha256: i.sha256, status };
  });
  return { problems, items };
}

function indexEntries(list: ZipEntry[]): { entries: Map<string, ZipEntry>; problems: Problem[] } {
  const entries = new Map<string, ZipEntry>();
  const problems: Problem[] = [];
  for (const e of list) {
    const name = entryName(e);
    if (name.endsWith('/')) continue; // a folder, allowed or not by checkEntryKinds
    const unsafe = unsafeName(name);
    if (unsafe)
      problems.push({ code: 'unsafe-path', message: `Unsafe file name (${unsafe}).`, path: name });
    if (entries.has(name))
      problems.push({
        code: 'file-duplicate',
        message: `${name} appears twice in the packet.`,
        path: name,
      });
    else entries.set(name, e);
  }
  return { entries, problems };
}

async function check(p: OpenPacket, o: VerifyOptions): Promise<Verdict> {
  const { zip } = p;
  let list: ZipEntry[];
  try {
    list = await listEntries(zip);
  } catch (e) {
    throw new InvalidInputError(`The packet's ZIP directory is damaged: ${(e as Error).message}.`);
  }
  const { entries, problems } = indexEntries(list);
  problems.push(...checkEntryKinds(list), ...(await layoutProblems(p, list)));
  const manifestEntry = entries.get(MANIFEST_PATH);
  if (!manifestEntry) throw noManifestError();
  const manifestBytes = await readManifest(zip, manifestEntry);
  const fingerprintOf = (signed: Signed) =>
    signed.publicKey ? keyFingerprint(signed.publicKey) : null;
  const verdict = (m: Manifest | null, fingerprint: string | null, items: Verdict['items']) => ({
    valid: problems.length === 0,
    keyPinned: o.key !== undefined && fingerprint === normalizeFingerprint(o.key),
    fingerprint,
    packetId: m?.packetId ?? null,
    problems,
    items,
  });
  if (!manifestBytes) {
    problems.push({
      code: 'manifest-altered',
      message:
        'manifest.json was altered: its compressed bytes do not decompress to what the ZIP recorded.',
      path: MANIFEST_PATH,
    });
    return verdict(null, null, []);
  }
  const signed = await checkSignature(zip, entries.get(SIGNATURE_PATH), manifestBytes);
  problems.push(...signed.problems);
  const fingerprint = fingerprintOf(signed);
  const parsed = manifestSchema.safeParse(safeJson(manifestBytes));
  if (!parsed.success) {
    problems.push({
      code: 'manifest-invalid',
      message: 'manifest.json is not a readable Custody packet manifest.',
      path: MANIFEST_PATH,
    });
    return verdict(null, fingerprint, []);
  }
  const m = parsed.data;
  problems.push(...checkSigner(m, signed.publicKey, fingerprint));
  if (o.key !== undefined && fingerprint !== normalizeFingerprint(o.key))
    problems.push({
      code: 'key-mismatch',
      message: `The packet was signed by key ${fingerprint ?? '(none)'}, not by the pinned key ${normalizeFingerprint(o.key)}.`,
    });
  const files = await checkFiles(zip, entries, m);
  problems.push(...files.problems);
  const items = checkItems(m, files.digests);
  problems.push(...items.problems);
  problems.push(...checkTexts(m, files.digests), ...checkProvenance(m));
  problems.push(...checkCustody(m, signed.publicKey ?? Buffer.from(m.signer.publicKey, 'base64')));
  return verdict(m, fingerprint, items.items);
}

async function layoutProblems(p: OpenPacket, list: ZipEntry[]): Promise<Problem[]> {
  try {
    return await checkLayout(p.read, p.size, list);
  } catch (e) {
    // An encrypted chunk that fails its check: named here, and again by the files it holds.
    return [
      {
        code: 'zip-unreadable',
        message: `Part of the ZIP cannot be read: ${(e as Error).message}`,
      },
    ];
  }
}

/**
 * The manifest's bytes, or null when they were altered inside the ZIP: the deflated data no longer
 * inflates, or inflates to bytes whose size or CRC-32 is not the one recorded. Tampering, not
 * unusable input. Too large to be a manifest is unusable.
 */
async function readManifest(zip: ZipFile, e: ZipEntry): Promise<Buffer | null> {
  if (e.uncompressedSize > MAX_MANIFEST)
    throw new InvalidInputError('manifest.json is too large to be a packet manifest.');
  try {
    const bytes = await readEntry(zip, e, MAX_MANIFEST);
    return crc32(bytes) === e.crc32 ? bytes : null;
  } catch {
    return null;
  }
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

export async function verifyPacket(path: string, o: VerifyOptions = {}): Promise<Verdict> {
  let packet: OpenPacket;
  try {
    packet = await openPacket(path, o);
  } catch (e) {
    // It opened with the right key, then failed its authentication: tampering, not bad input.
    if (!(e instanceof AgePayloadError)) throw e;
    return {
      valid: false,
      keyPinned: false,
      fingerprint: null,
      packetId: null,
      problems: [{ code: 'encrypted-payload-altered', message: e.message }],
      items: [],
    };
  }
  try {
    return await check(packet, o);
  } finally {
    await packet.close();
  }
}
