// Gathers what a packet says about a case and its items from the vault, before anything is
// written: a missing item or a closed door fails here, with nothing recorded.
import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../errors.ts';
import { notInCaseError, nothingToPackageError } from '../input-errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import { getCase } from '../cases/case.service.ts';
import { getItem } from '../items/item.service.ts';
import { selectTextLayer } from '../items/item-content.queries.ts';
import { checkpointOrigin, keyName } from '../custody/custody-log.ts';
import type { WorkstationKey } from '../custody/signing-key.ts';
import type { Item } from '../../../shared/domain/item.ts';
import { cameraName } from '../../../shared/domain/camera-name.ts';
import { createHash } from 'node:crypto';
import { PACKET_FORMAT, PACKET_VERSION, type ManifestItem } from './manifest.ts';
import type { ReportData } from './report-html.ts';
import { caseItemIds, caseNotes, itemExtras, type PacketNote } from './packet.queries.ts';
import { evidencePath } from './safe-name.ts';

export interface CollectOptions {
  caseId: string;
  itemIds?: readonly string[] | undefined;
  agency?: string | undefined;
  reference?: string | undefined;
  includeOriginals: boolean;
  includeThumbnails: boolean;
  includeNotes: boolean;
  /** Add the ancestors of every chosen child item (the archive or e-mail it came out of). */
  includeParents: boolean;
  packetId: string;
  createdAt: string;
  tool: { name: string; version: string };
}

export interface Collected {
  data: ReportData;
  /** Item id → its original's blob, for the items whose originals go in. */
  originals: Map<string, string>;
  /** Item id → its text layer as UTF-8, for the items whose text goes in. */
  texts: Map<string, Buffer>;
}

/** The tool's name and version from package.json; the app may pass its own. */
export function toolInfo(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { name?: string; version?: string };
    return { name: pkg.name ?? 'custody', version: pkg.version ?? 'unknown' };
  } catch {
    return { name: 'custody', version: 'unknown' };
  }
}

function metadataSummary(i: Item): ManifestItem['metadata'] {
  const m = i.metadata;
  if (!m) return null;
  const camera = cameraName(m.make, m.model);
  return {
    format: m.format,
    width: m.width,
    height: m.height,
    camera,
    capturedAt: m.capturedAt,
    gps: m.gps,
  };
}

function selectedIds(vault: UnlockedVault, o: CollectOptions): string[] {
  const all = caseItemIds(vault.db, o.caseId);
  if (!o.itemIds) return all;
  const inCase = new Set(all);
  const ids = [...new Set(o.itemIds)];
  const stray = ids.find((id) => !inCase.has(id));
  if (stray !== undefined) throw notInCaseError(stray, o.caseId);
  return ids;
}

/** The chosen ids, then each chosen child's ancestors not chosen already, nearest first. */
function withAncestors(vault: UnlockedVault, ids: readonly string[]): string[] {
  const out = [...ids];
  const seen = new Set(ids);
  for (let n = 0; n < out.length; n++) {
    const parentId = getItem(vault, out[n] ?? '').parentId;
    if (parentId && !seen.has(parentId)) {
      seen.add(parentId);
      out.push(parentId);
    }
  }
  return out;
}

function provenance(vault: UnlockedVault, i: Item): ManifestItem['parent'] {
  if (!i.parentId) return null;
  return {
    id: i.parentId,
    sha256: getItem(vault, i.parentId).sha256,
    pathInParent: i.pathInParent ?? '',
  };
}

export const textPath = (itemId: string) => `text/${itemId}.txt`;

/** The item's text layer, decrypted into memory only, and its entry for the manifest. */
async function textLayer(
  vault: UnlockedVault,
  caseId: string,
  i: Item,
): Promise<{ data: Buffer; entry: NonNullable<ManifestItem['text']> } | null> {
  const layer = selectTextLayer(vault.db, i.id);
  if (!layer) return null;
  // Stored as UTF-8 by the extractors, whatever the original's encoding.
  const data = await vault.blobs.read(vault.caseKey(caseId), layer.blobId);
  return {
    data,
    entry: {
      path: textPath(i.id),
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      encoding: layer.encoding,
      language: i.language ?? null,
    },
  };
}

export async function collectPacket(
  vault: UnlockedVault,
  key: WorkstationKey,
  creator: string,
  o: CollectOptions,
): Promise<Collected> {
  const c = getCase(vault, o.caseId);
  const chosen = selectedIds(vault, o);
  if (!chosen.length) throw nothingToPackageError(o.caseId);
  const ids = o.includeParents ? withAncestors(vault, chosen) : chosen;
  const originals = new Map<string, string>();
  const texts = new Map<string, Buffer>();
  const items: ManifestItem[] = [];
  for (const id of ids) {
    const i = getItem(vault, id);
    const x = itemExtras(vault.db, id);
    if (!x) throw new InvalidInputError(`No item with id ${id}.`);
    if (o.includeOriginals) originals.set(id, x.originalBlob);
    // The text goes beside the original: a packet without originals carries hashes only.
    const text = o.includeOriginals ? await textLayer(vault, c.id, i) : null;
    if (text) texts.set(id, text.data);
    items.push({
      id,
      kind: x.kind,
      originalName: i.originalName,
      size: i.size,
      mime: i.mime,
      sha256: i.sha256,
      sha1: i.sha1,
      md5: i.md5,
      pdq: i.pdq,
      pdqQuality: i.pdqQuality,
      acquisitions: i.acquisitions,
      categories: x.categories,
      severity: x.severity,
      tags: x.tags,
      flags: i.flags,
      notes: o.includeNotes ? x.notes : [],
      metadata: metadataSummary(i),
      evidence: o.includeOriginals ? evidencePath(id, i.originalName) : null,
      text: text?.entry ?? null,
      parent: provenance(vault, i),
    });
  }
  const notes: PacketNote[] = [];
  if (o.includeNotes) {
    if (c.notes.trim()) notes.push({ id: 'case', body: c.notes, createdAt: c.createdAt });
    notes.push(...caseNotes(vault.db, c.id));
  }
  const data: ReportData = {
    format: PACKET_FORMAT,
    version: PACKET_VERSION,
    packetId: o.packetId,
    createdAt: o.createdAt,
    tool: o.tool,
    creator,
    agency: o.agency ?? null,
    reference: o.reference ?? null,
    case: {
      id: c.id,
      title: c.title,
      kind: c.kind,
      emergency: c.emergency,
      languages: c.languages,
      externalRefs: c.externalRefs,
      createdAt: c.createdAt,
      notes,
    },
    signer: {
      algorithm: 'Ed25519',
      publicKey: key.publicKey.toString('base64'),
      fingerprint: key.fingerprint,
      keyName: keyName(vault.vaultId),
      origin: checkpointOrigin(vault.vaultId),
    },
    contents: {
      originals: o.includeOriginals,
      thumbnails: o.includeThumbnails,
      notes: o.includeNotes,
      text: o.includeOriginals,
      parents: o.includeParents,
    },
    items,
  };
  return { data, originals, texts };
}
