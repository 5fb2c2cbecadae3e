// Builds a packet for an agency or an escalation: a signed ZIP with the manifest, the originals, a
// report in HTML and PDF, and the custody entries of the chosen items with inclusion proofs
// against a fresh signed checkpoint. Format: docs/formats/packet.md.
//
// Order matters. Everything that can fail for an ordinary reason (a bad item id, an unreadable
// thumbnail, the PDF renderer) runs before the export is recorded; then the `packet.exported`
// entry and the checkpoint land together, so the packet proves its own export.
import { createHash, randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CustodyError } from '../errors.ts';
import { noFolderError, outExistsError } from '../input-errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import {
  allEntries,
  leafOf,
  record,
  verifyChain,
  writeCheckpoint,
} from '../custody/custody-log.ts';
import type { CustodyEntry } from '../custody/entry.ts';
import { workstationKey } from '../custody/signing-key.ts';
import { touchCase } from '../cases/case.queries.ts';
import { collectPacket, toolInfo, type Collected } from './collect.ts';
import { encrypterFor, recipientKind, type PacketRecipient } from './age-stream.ts';
import {
  MANIFEST_PATH,
  SIGNATURE_PATH,
  type Manifest,
  type ManifestSignature,
} from './manifest.ts';
import { veiledThumbBlob } from './packet.queries.ts';
import { auditPath, treeLevels } from './proofs.ts';
import { renderReportHtml } from './report-html.ts';
import type { ReportLang } from './report-words.ts';
import { chromiumPdf, type RenderPdf } from './render-pdf.ts';
import { PacketItemError, writePacketZip, type ZipSource } from './zip-write.ts';
import { recordReport } from '../ledger/ledger.service.ts';

export type { PacketRecipient } from './age-stream.ts';

export interface PacketProgress {
  phase: 'collecting' | 'report' | 'writing' | 'done';
  bytesDone: number;
  bytesTotal: number;
}

export interface BuildOptions {
  caseId: string;
  /** Default: every item of the case. */
  itemIds?: readonly string[] | undefined;
  out: string;
  agency?: string | undefined;
  reference?: string | undefined;
  includeOriginals?: boolean | undefined;
  /** The veiled thumbnail only, in the report. */
  includeThumbnails?: boolean | undefined;
  includeNotes?: boolean | undefined;
  /** Add the original of the item each chosen child came out of, up to the outermost. */
  includeParents?: boolean | undefined;
  recipient?: PacketRecipient | undefined;
  onProgress?: ((p: PacketProgress) => void) | undefined;
  /** HTML → PDF; default Chromium through playwright-core. The app passes Electron's printToPDF. */
  renderPdf?: RenderPdf | undefined;
  tool?: { name: string; version: string } | undefined;
  /** The report's language (report.html and report.pdf); English by default. */
  reportLang?: ReportLang | undefined;
}

export interface BuiltPacket {
  packetId: string;
  out: string;
  bytes: number;
  items: number;
  originals: number;
  encrypted: 'none' | 'age-recipient' | 'age-passphrase';
  fingerprint: string;
  checkpoint: { treeSize: number; root: string };
}

async function checkOut(out: string): Promise<void> {
  const exists = await access(out).then(
    () => true,
    () => false,
  );
  if (exists) throw outExistsError(out);
  try {
    await access(dirname(out));
  } catch {
    throw noFolderError(out);
  }
}

async function thumbnails(vault: UnlockedVault, c: Collected) {
  const out = new Map<string, { mime: string; data: Buffer }>();
  if (!c.data.contents.thumbnails) return out;
  const key = vault.caseKey(c.data.case.id);
  for (const item of c.data.items) {
    const t = veiledThumbBlob(vault.db, item.id);
    if (t) out.set(item.id, { mime: t.mime, data: await vault.blobs.read(key, t.blobId) });
  }
  return out;
}

function inPacket(e: CustodyEntry, caseId: string, items: ReadonlySet<string>): boolean {
  return e.itemId === null ? e.caseId === caseId : items.has(e.itemId);
}

/** Records the export and signs a checkpoint over it, then proves each chosen entry against it. */
function recordExport(
  vault: UnlockedVault,
  c: Collected,
  encrypted: BuiltPacket['encrypted'],
): Manifest['custody'] {
  const { data } = c;
  const checkpoint = vault.db.transaction(() => {
    touchCase(vault.db, data.case.id);
    record(vault, {
      action: 'packet.exported',
      caseId: data.case.id,
      details: {
        packetId: data.packetId,
        items: data.items.map((i) => i.id),
        originals: data.contents.originals,
        encrypted,
        agency: data.agency,
        reference: data.reference,
      },
    });
    return writeCheckpoint(vault, 'packet');
  })();
  const entries = allEntries(vault.db).slice(0, checkpoint.treeSize);
  const levels = treeLevels(entries.map(leafOf));
  const chosen = new Set(data.items.map((i) => i.id));
  return {
    checkpoint: checkpoint.note,
    treeSize: checkpoint.treeSize,
    root: checkpoint.root.toString('hex'),
    entries: entries
      .filter((e) => inPacket(e, data.case.id, chosen))
      .map((entry) => ({
        index: entry.seq - 1,
        entry,
        proof: auditPath(levels, entry.seq - 1).map((p) => p.toString('hex')),
      })),
  };
}

export async function buildPacket(vault: UnlockedVault, o: BuildOptions): Promise<BuiltPacket> {
  const progress = o.onProgress ?? (() => {});
  progress({ phase: 'collecting', bytesDone: 0, bytesTotal: 0 });
  await checkOut(o.out);
  const encrypter = o.recipient ? encrypterFor(o.recipient) : undefined;
  const broken = verifyChain(allEntries(vault.db));
  if (broken)
    throw new CustodyError(
      'VAULT_CORRUPT',
      `The custody log fails its check (${broken.message}); a packet would carry a broken history. Run \`custody log verify\`.`,
    );
  const key = workstationKey(vault);
  const createdAt = new Date();
  const collected = await collectPacket(vault, key, vault.actor, {
    caseId: o.caseId,
    itemIds: o.itemIds,
    agency: o.agency,
    reference: o.reference,
    includeOriginals: o.includeOriginals ?? true,
    includeThumbnails: o.includeThumbnails ?? false,
    includeNotes: o.includeNotes ?? true,
    includeParents: o.includeParents ?? false,
    packetId: randomUUID(),
    createdAt: createdAt.toISOString(),
    tool: o.tool ?? toolInfo(),
  });
  const { data } = collected;
  const bytesTotal = data.items.reduce((n, i) => n + (i.evidence ? i.size : 0), 0);

  progress({ phase: 'report', bytesDone: 0, bytesTotal });
  const chosen = new Set(data.items.map((i) => i.id));
  const history = allEntries(vault.db).filter((e) => inPacket(e, data.case.id, chosen));
  const html = renderReportHtml(data, {
    history,
    thumbnails: await thumbnails(vault, collected),
    lang: o.reportLang,
  });
  const pdf = await (o.renderPdf ?? chromiumPdf)(html);

  const encrypted = recipientKind(o.recipient);
  const custody = recordExport(vault, collected, encrypted);
  const caseKey = vault.caseKey(data.case.id);
  const reports = [
    { path: 'report.html', data: Buffer.from(html, 'utf8'), compress: true },
    { path: 'report.pdf', data: pdf, compress: true },
  ];
  const texts = data.items.flatMap((i) => {
    const text = collected.texts.get(i.id);
    return i.text && text ? [{ path: i.text.path, data: text, compress: true }] : [];
  });
  const evidence: ZipSource[] = data.items.flatMap((i) => {
    const blob = collected.originals.get(i.id);
    if (!i.evidence || !blob) return [];
    return [
      {
        path: i.evidence,
        size: i.size,
        sha256: i.sha256,
        open: () => vault.blobs.createReadStream(caseKey, blob),
        item: { id: i.id, name: i.originalName },
      },
    ];
  });
  const manifest: Manifest = {
    ...data,
    files: [
      ...reports.map((r) => ({ path: r.path, size: r.data.length, sha256: sha256Hex(r.data) })),
      ...data.items.flatMap((i) =>
        i.evidence ? [{ path: i.evidence, size: i.size, sha256: i.sha256 }] : [],
      ),
      ...data.items.flatMap((i) =>
        i.text ? [{ path: i.text.path, size: i.text.size, sha256: i.text.sha256 }] : [],
      ),
    ],
    custody,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  const signature: ManifestSignature = {
    algorithm: 'Ed25519',
    publicKey: data.signer.publicKey,
    fingerprint: key.fingerprint,
    signature: key.sign(manifestBytes).toString('base64'),
  };

  progress({ phase: 'writing', bytesDone: 0, bytesTotal });
  let bytesDone = 0;
  const bytes = await writePacketZip(
    o.out,
    [
      { path: MANIFEST_PATH, data: manifestBytes, compress: true },
      {
        path: SIGNATURE_PATH,
        data: Buffer.from(JSON.stringify(signature, null, 2) + '\n'),
        compress: false,
      },
      ...reports,
      ...evidence,
      ...texts,
    ],
    {
      scratch: await vault.blobs.scratchPath('packet'),
      mtime: createdAt,
      encrypter,
      onBytes: (n) => {
        bytesDone += n;
        progress({ phase: 'writing', bytesDone, bytesTotal });
      },
    },
  ).catch((e: unknown) => {
    recordFailure(vault, data.case.id, data.packetId, e);
    throw e;
  });
  // Only a packet that was written goes in the report ledger (docs/formats/ledger.md).
  recordReport(vault, {
    id: data.packetId,
    kind: 'packet',
    caseId: data.case.id,
    recipient: data.agency ?? 'Unnamed recipient',
    createdAt: data.createdAt,
    out: o.out,
    outputs: [],
    files: data.items.map((i) => ({
      itemId: i.id,
      md5: i.md5,
      sha1: i.sha1,
      sha256: i.sha256,
      pdq: i.pdq,
      fileRef: null,
    })),
  });
  progress({ phase: 'done', bytesDone: bytesTotal, bytesTotal });
  return {
    packetId: data.packetId,
    out: o.out,
    bytes,
    items: data.items.length,
    originals: evidence.length,
    encrypted,
    fingerprint: key.fingerprint,
    checkpoint: { treeSize: custody.treeSize, root: custody.root },
  };
}

/** The export is already recorded: the log also says that its packet never appeared, and why. */
function recordFailure(vault: UnlockedVault, caseId: string, packetId: string, e: unknown): void {
  record(vault, {
    action: 'packet.failed',
    caseId,
    itemId: e instanceof PacketItemError ? e.itemId : null,
    details: {
      packetId,
      code: e instanceof CustodyError ? e.code : 'INTERNAL',
      reason: e instanceof PacketItemError ? 'original fails its integrity check' : 'write failed',
    },
  });
}

function sha256Hex(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}
