// Sends a case to a colleague: a bundle (bundle-format.ts) encrypted to their age recipient and
// signed by this workstation, carrying the case and its custody entries, each proven against a
// checkpoint signed now. Only once the file is complete does the case become "with <colleague>"
// and read-only here, with its case.sent entry; a failure leaves the case as it was and no file.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { UnlockedVault } from '../vault/vault.ts';
import { CustodyError, InvalidInputError } from '../errors.ts';
import { allEntries, leafOf, record, verifyLog, writeCheckpoint } from '../custody/custody-log.ts';
import { consistencyProof } from '../custody/merkle.ts';
import { parseCheckpointText, signNote } from '../custody/signed-note.ts';
import { workstationKey } from '../custody/signing-key.ts';
import { auditPath, treeLevels } from '../packets/proofs.ts';
import { encrypterFor } from '../packets/age-stream.ts';
import { writePacketZip } from '../packets/zip-write.ts';
import { assertCaseOpen } from '../cases/case.service.ts';
import { workstationCard } from '../identity/identity.service.ts';
import { workstationKeyName } from '../identity/fingerprint.ts';
import { findColleague } from './colleague.service.ts';
import { exportCase } from './case-export.ts';
import { caseFieldValues } from './merge-fields.ts';
import { latestReceived, upsertHandoff } from './handoff.queries.ts';
import {
  BUNDLE_FORMAT,
  MANIFEST,
  SIGNATURE,
  signatureText,
  type BundleManifest,
} from './bundle-format.ts';

export interface SendResult {
  caseId: string;
  out: string;
  bytes: number;
  bundleSha256: string;
  to: { name: string; fingerprint: string };
  sentAt: string;
  items: number;
  entries: number;
  checkpoint: { treeSize: number; root: string };
}

export async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const piece of createReadStream(path)) h.update(piece as Buffer);
  return h.digest('hex');
}

/** The part of a bundle that sends a case back where it came from (null for a first send). */
function returnPart(
  vault: UnlockedVault,
  caseId: string,
  to: string,
  leaves: readonly Buffer[],
): BundleManifest['return'] {
  const came = latestReceived(vault.db, caseId, to);
  if (!came) return null;
  const text = came.receipt_checkpoint.slice(0, came.receipt_checkpoint.lastIndexOf('\n\n') + 1);
  const receipt = parseCheckpointText(text);
  if (!receipt)
    throw new CustodyError('VAULT_CORRUPT', 'The stored receipt checkpoint is unreadable.');
  return {
    receivedBundleSha256: came.bundle_sha256,
    receiptCheckpoint: came.receipt_checkpoint,
    consistency: consistencyProof(leaves, receipt.treeSize).map((h) => h.toString('base64')),
  };
}

export async function sendCase(
  vault: UnlockedVault,
  o: { caseId: string; to: string; out: string },
): Promise<SendResult> {
  assertCaseOpen(vault, o.caseId);
  const colleague = findColleague(vault, o.to);
  const me = workstationCard(vault);
  if (!me.name)
    throw new InvalidInputError(
      'Set the reviewer’s name before handing a case over (custody init --name or the settings).',
    );
  const log = verifyLog(vault);
  if (log.problem)
    throw new CustodyError(
      'VAULT_CORRUPT',
      `The custody log fails its check (${log.problem.message}); a handoff would carry a broken history.`,
    );
  const exported = await exportCase(vault, o.caseId);
  const checkpoint = writeCheckpoint(vault, 'handoff');
  const entries = allEntries(vault.db).slice(0, checkpoint.treeSize);
  const leaves = entries.map(leafOf);
  const levels = treeLevels(leaves);
  const proven = entries
    .filter((e) => e.caseId === o.caseId)
    .map((entry) => ({
      entry,
      proof: auditPath(levels, entry.seq - 1).map((h) => h.toString('base64')),
    }));
  const createdAt = new Date();
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    bundleId: randomUUID(),
    createdAt: createdAt.toISOString(),
    sender: {
      name: me.name,
      fingerprint: me.fingerprint,
      signingKey: me.signingKey,
      ageRecipient: me.ageRecipient,
    },
    recipient: { name: colleague.name, fingerprint: colleague.fingerprint },
    case: exported.case,
    items: exported.items,
    notes: exported.notes,
    exposure: exported.exposure,
    custody: { checkpoint: checkpoint.note, entries: proven },
    return: returnPart(vault, o.caseId, colleague.fingerprint, leaves),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const key = workstationKey(vault);
  const signature = signNote(
    signatureText(createHash('sha256').update(manifestBytes).digest('hex')),
    { name: workstationKeyName(me.fingerprint), publicKey: key.publicKey },
    key.sign,
  );
  const bytes = await writePacketZip(
    o.out,
    [
      { path: MANIFEST, data: manifestBytes, compress: true },
      { path: SIGNATURE, data: Buffer.from(signature, 'utf8'), compress: false },
      ...exported.files,
    ],
    {
      scratch: await vault.blobs.scratchPath('handoff'),
      mtime: createdAt,
      encrypter: encrypterFor({ ageRecipient: colleague.ageRecipient }),
      onBytes: () => {},
    },
  );
  const bundleSha256 = await fileSha256(o.out);
  const sentAt = new Date().toISOString();
  const sentCategories = Object.fromEntries(exported.items.map((i) => [i.id, i.category]));
  vault.db.transaction(() => {
    upsertHandoff(vault.db, {
      case_id: o.caseId,
      colleague_fingerprint: colleague.fingerprint,
      colleague_name: colleague.name,
      sent_at: sentAt,
      bundle_sha256: bundleSha256,
      tree_size: checkpoint.treeSize,
      sent_categories: JSON.stringify(sentCategories),
      sent_case: JSON.stringify(caseFieldValues(exported.case)),
    });
    record(vault, {
      action: 'case.sent',
      caseId: o.caseId,
      details: {
        to: colleague.fingerprint,
        toName: colleague.name,
        bundleId: manifest.bundleId,
        bundleSha256,
        treeSize: checkpoint.treeSize,
        items: exported.items.length,
      },
    });
  })();
  return {
    caseId: o.caseId,
    out: o.out,
    bytes,
    bundleSha256,
    to: { name: colleague.name, fingerprint: colleague.fingerprint },
    sentAt,
    items: exported.items.length,
    entries: proven.length,
    checkpoint: { treeSize: checkpoint.treeSize, root: checkpoint.root.toString('hex') },
  };
}
