// Opens a handoff bundle and checks everything that can be checked before anything is imported:
// that it opens with this workstation's age identity, that it is signed by a pinned colleague, that
// it is addressed to this workstation, and that every custody entry is proven against the sender's
// signed checkpoint. The case's files are checked as they are imported (import-bundle.ts).
import { createHash } from 'node:crypto';
import type { UnlockedVault } from '../vault/vault.ts';
import { CustodyError, InvalidInputError } from '../errors.ts';
import { AgePayloadError, openAgePayload, sniffAge } from '../packets/age-reader.ts';
import {
  closeZip,
  entryName,
  listEntries,
  openAgeZip,
  readEntry,
  type ZipEntry,
  type ZipFile,
} from '../packets/zip-read.ts';
import { openCheckpoint, openNote, type Checkpoint } from '../custody/signed-note.ts';
import { verifyInclusion } from '../custody/merkle.ts';
import { entryHash } from '../custody/entry.ts';
import { leafOf } from '../custody/custody-log.ts';
import { withAgeIdentity } from '../identity/age-identity.ts';
import { workstationCard } from '../identity/identity.service.ts';
import { workstationKeyName } from '../identity/fingerprint.ts';
import type { Colleague } from '../../../shared/domain/colleague.ts';
import { selectColleague } from './colleague.queries.ts';
import {
  BundleRefusedError,
  MANIFEST,
  MAX_MANIFEST_BYTES,
  MAX_SIGNATURE_BYTES,
  SIGNATURE,
  bundleItemFiles,
  manifestSchema,
  signatureText,
  type BundleManifest,
} from './bundle-format.ts';
import { fileSha256 } from './send.ts';

export interface OpenedBundle {
  sha256: string;
  manifest: BundleManifest;
  sender: Colleague;
  checkpoint: Checkpoint;
  zip: ZipFile;
  /** The ZIP's entries by name. */
  files: Map<string, ZipEntry>;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function damaged(e: unknown): BundleRefusedError {
  const detail = e instanceof Error ? e.message : String(e);
  return new BundleRefusedError(
    'damaged',
    `it was truncated or altered after it was sent (${detail}).`,
    { cause: e },
  );
}

/** The workstation fingerprints a note's signature lines name (`custody-workstation/<fpr>`). */
function signerFingerprints(note: string): string[] {
  const sigs = note.slice(note.lastIndexOf('\n\n') + 2).split('\n');
  return sigs
    .map((l) => /^\u2014 custody-workstation\/([0-9a-f-]{24}) /.exec(l)?.[1])
    .filter((f): f is string => f !== undefined);
}

async function openZip(vault: UnlockedVault, path: string): Promise<ZipFile> {
  if ((await sniffAge(path)) !== 'age')
    throw new BundleRefusedError('not-a-bundle', 'this is not an age-encrypted handoff bundle.');
  let payload;
  try {
    payload = await withAgeIdentity(vault, (identity) =>
      openAgePayload(path, { identities: [identity] }),
    );
  } catch (e) {
    if (e instanceof AgePayloadError) throw damaged(e);
    if (e instanceof InvalidInputError && /does not open it/.test(e.message))
      throw new BundleRefusedError(
        'not-for-this-workstation',
        'it is encrypted to another workstation, not to this one.',
      );
    throw damaged(e);
  }
  try {
    return await openAgeZip(payload);
  } catch (e) {
    await payload.close();
    throw damaged(e);
  }
}

function checkSignature(vault: UnlockedVault, sig: string, manifestBytes: Buffer): Colleague {
  const signers = signerFingerprints(sig);
  const sender = signers.map((f) => selectColleague(vault.db, f)).find((c) => c !== undefined);
  if (!sender)
    throw new BundleRefusedError(
      'unknown-sender',
      signers.length
        ? `it is signed by workstation ${signers.join(', ')}, which is not a pinned colleague here. Add their card first, after comparing the fingerprint with them.`
        : 'it carries no workstation signature.',
    );
  const key = {
    name: workstationKeyName(sender.fingerprint),
    publicKey: Buffer.from(sender.signingKey, 'base64'),
  };
  const text = openNote(sig, key);
  if (text === null)
    throw new BundleRefusedError(
      'bad-signature',
      `its signature is not a valid one by ${sender.name} (${sender.fingerprint}), the key pinned for them.`,
    );
  if (text !== signatureText(sha256(manifestBytes)))
    throw new BundleRefusedError('bad-signature', 'its signature does not cover its manifest.');
  return sender;
}

function parseManifest(bytes: Buffer): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BundleRefusedError('not-a-bundle', 'its manifest is not JSON.');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new BundleRefusedError(
      'not-a-bundle',
      `its manifest does not follow custody-handoff/v1 (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`,
    );
  return parsed.data;
}

/** The sender's checkpoint, and every entry of the case proven against it. */
function checkCustody(m: BundleManifest, sender: Colleague): Checkpoint {
  const note = m.custody.checkpoint;
  const origin = note.slice(0, note.indexOf('\n'));
  const checkpoint = openCheckpoint(note, origin, Buffer.from(sender.signingKey, 'base64'));
  if (!checkpoint)
    throw new BundleRefusedError(
      'bad-proof',
      'its custody checkpoint is not signed by the sender.',
    );
  for (const { entry, proof } of m.custody.entries) {
    const ok =
      entry.caseId === m.case.id &&
      entryHash(entry) === entry.hash &&
      verifyInclusion(
        leafOf(entry),
        entry.seq - 1,
        checkpoint.treeSize,
        proof.map((p) => Buffer.from(p, 'base64')),
        checkpoint.root,
      );
    if (!ok)
      throw new BundleRefusedError(
        'bad-proof',
        `custody entry ${entry.seq} of the sender's log is not proven by their signed checkpoint.`,
      );
  }
  return checkpoint;
}

/** Every file the manifest names, present once, with nothing else beside them. */
function checkFiles(m: BundleManifest, entries: readonly ZipEntry[]): Map<string, ZipEntry> {
  const files = new Map<string, ZipEntry>();
  for (const e of entries) {
    const name = entryName(e);
    if (files.has(name)) throw damaged(new Error(`${name} appears twice`));
    files.set(name, e);
  }
  const listed = new Set([MANIFEST, SIGNATURE]);
  for (const item of m.items) {
    for (const f of bundleItemFiles(item)) {
      const e = files.get(f.path);
      if (!e || e.uncompressedSize !== f.size)
        throw damaged(new Error(`${f.path} is missing or of another size`));
      listed.add(f.path);
    }
  }
  for (const name of files.keys())
    if (!listed.has(name)) throw damaged(new Error(`${name} is not in the manifest`));
  return files;
}

export async function openBundle(vault: UnlockedVault, path: string): Promise<OpenedBundle> {
  let sha: string;
  try {
    sha = await fileSha256(path);
  } catch (e) {
    throw new InvalidInputError(
      `Cannot read the bundle ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const zip = await openZip(vault, path);
  try {
    let entries: ZipEntry[];
    let manifestBytes: Buffer;
    let sig: string;
    try {
      entries = await listEntries(zip);
      const byName = new Map(entries.map((e) => [entryName(e), e]));
      const m = byName.get(MANIFEST);
      const s = byName.get(SIGNATURE);
      if (!m || !s) throw new BundleRefusedError('not-a-bundle', 'it has no signed manifest.');
      manifestBytes = await readEntry(zip, m, MAX_MANIFEST_BYTES);
      sig = (await readEntry(zip, s, MAX_SIGNATURE_BYTES)).toString('utf8');
    } catch (e) {
      throw e instanceof CustodyError && e.code === 'BUNDLE_REFUSED' ? e : damaged(e);
    }
    const sender = checkSignature(vault, sig, manifestBytes);
    const manifest = parseManifest(manifestBytes);
    if (
      manifest.sender.fingerprint !== sender.fingerprint ||
      manifest.sender.signingKey !== sender.signingKey
    )
      throw new BundleRefusedError(
        'bad-signature',
        'its manifest names another sender than its signer.',
      );
    const me = workstationCard(vault);
    if (manifest.recipient.fingerprint !== me.fingerprint)
      throw new BundleRefusedError(
        'not-for-this-workstation',
        `it is addressed to ${manifest.recipient.name} (${manifest.recipient.fingerprint}), not to this workstation (${me.fingerprint}).`,
      );
    const checkpoint = checkCustody(manifest, sender);
    const files = checkFiles(manifest, entries);
    return { sha256: sha, manifest, sender, checkpoint, zip, files };
  } catch (e) {
    closeZip(zip);
    throw e;
  }
}
