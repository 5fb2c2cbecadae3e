// Gathers what a packet says about a case and its items from the vault, before anything is
// written: a missing item or a closed door fails here, with nothing recorded.
import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import { getCase } from '../cases/case.service.ts';
import { getItem } from '../items/item.service.ts';
import { checkpointOrigin, keyName } from '../custody/custody-log.ts';
import type { WorkstationKey } from '../custody/signing-key.ts';
import type { Item } from '../../../shared/domain/item.ts';
import { cameraName } from '../../../shared/domain/camera-name.ts';
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
  packetId: string;
  createdAt: string;
  tool: { name: string; version: string };
}

export interface Collected {
  data: ReportData;
  /** Item id → its original's blob, for the items whose originals go in. */
  originals: Map<string, string>;
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
  if (stray !== undefined) throw new InvalidInputError(`Item ${stray} is not in case ${o.caseId}.`);
  return ids;
}

export function collectPacket(
  vault: UnlockedVault,
  key: WorkstationKey,
  creator: string,
  o: CollectOptions,
): Collected {
  const c = getCase(vault, o.caseId);
  const ids = selectedIds(vault, o);
  if (!ids.length) throw new InvalidInputError(`Case ${o.caseId} has no items to package.`);
  const originals = new Map<string, string>();
  const items = ids.map((id): ManifestItem => {
    const i = getItem(vault, id);
    const x = itemExtras(vault.db, id);
    if (!x) throw new InvalidInputError(`No item with id ${id}.`);
    if (o.includeOriginals) originals.set(id, x.originalBlob);
    return {
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
    };
  });
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
    },
    items,
  };
  return { data, originals };
}
