// Takes an opened, checked bundle into this vault: a new case under a new case key, or, when it is
// a case this workstation sent to the same colleague, what they added merged into it. Every file is
// re-encrypted into a new blob and checked against the manifest's SHA-256 first; then one
// transaction writes every row, the proven history, the case.received entry and a checkpoint. Any
// failure removes the new blobs, so nothing is half-imported.
import type { UnlockedVault } from '../vault/vault.ts';
import type { BlobInfo } from '../blobs/index.ts';
import { insertBlobRow } from '../blobs/blob.queries.ts';
import { insertCase, selectCase, touchCase } from '../cases/case.queries.ts';
import { insertAcquisition, insertItem, insertPreview } from '../items/item.queries.ts';
import {
  insertEvents,
  insertFrame,
  insertFramePreview,
  insertTextLayer,
} from '../items/item-content.queries.ts';
import { headerLines, insertIndexedLines, textLines } from '../search/search-index.queries.ts';
import {
  addTag,
  categoryByCode,
  insertNote,
  itemCategoryCode,
  itemSeverity,
  setItemCategory,
  setItemSeverity,
} from '../triage/triage.queries.ts';
import { record, writeCheckpoint } from '../custody/custody-log.ts';
import { openCheckpoint } from '../custody/signed-note.ts';
import { verifyConsistency } from '../custody/merkle.ts';
import type { Case, CaseKind } from '../../../shared/domain/case.ts';
import type { ItemFlag, ItemMetadata } from '../../../shared/domain/item.ts';
import type { OpenedBundle } from './open-bundle.ts';
import { sealItem, type ImportedItem } from './seal-files.ts';
import { BundleRefusedError, type BundleItem, type BundleManifest } from './bundle-format.ts';
import { mergeCaseFields, mergeLabels, mergeRule, type CaseFieldValues } from './merge-fields.ts';
import {
  deleteHandoff,
  insertConflict,
  insertReceivedBundle,
  insertReceivedMatches,
  insertReceivedEntry,
  latestReceived,
  receivedBundle,
  selectHandoff,
  type HandoffRow,
} from './handoff.queries.ts';

export interface ReceiveResult {
  caseId: string;
  mode: 'new' | 'returned';
  from: { name: string; fingerprint: string };
  bundleSha256: string;
  /** Ids of the items taken in, for this vault's own hash lists to check. */
  addedItemIds: string[];
  itemsAdded: number;
  notesAdded: number;
  conflicts: number;
  entries: number;
  checkpoint: { treeSize: number; root: string };
  case: Case;
}

function refuseReplay(vault: UnlockedVault, b: OpenedBundle): void {
  const same = receivedBundle(vault.db, b.sha256);
  if (same)
    throw new BundleRefusedError(
      'replay',
      `this bundle was already received on ${same.received_at}.`,
    );
  const latest = latestReceived(vault.db, b.manifest.case.id, b.sender.fingerprint);
  if (latest && latest.sender_tree_size >= b.checkpoint.treeSize)
    throw new BundleRefusedError(
      'replay',
      `it is older than the bundle of this case from ${b.sender.name} received on ${latest.received_at} (their log at ${b.checkpoint.treeSize} entries, then at ${latest.sender_tree_size}).`,
    );
}

/**
 * A case coming back must continue from the very bundle sent: the colleague's case.received entry
 * names its hash, and their log now is a consistent extension of their log when they took it in.
 */
function checkReturn(b: OpenedBundle, sent: HandoffRow): void {
  const r = b.manifest.return;
  if (!r || r.receivedBundleSha256 !== sent.bundle_sha256)
    throw new BundleRefusedError(
      'bad-proof',
      `it does not continue from the bundle sent to ${sent.colleague_name} on ${sent.sent_at}.`,
    );
  const origin = b.manifest.custody.checkpoint.slice(
    0,
    b.manifest.custody.checkpoint.indexOf('\n'),
  );
  const receipt = openCheckpoint(
    r.receiptCheckpoint,
    origin,
    Buffer.from(b.sender.signingKey, 'base64'),
  );
  const consistent =
    receipt !== null &&
    verifyConsistency(
      receipt.treeSize,
      b.checkpoint.treeSize,
      r.consistency.map((p) => Buffer.from(p, 'base64')),
      receipt.root,
      b.checkpoint.root,
    );
  if (!consistent)
    throw new BundleRefusedError(
      'bad-proof',
      `${b.sender.name}'s log is not a consistent extension of their log when they took the case in.`,
    );
  const took = b.manifest.custody.entries.find(
    ({ entry }) =>
      entry.action === 'case.received' &&
      entry.details['bundleSha256'] === sent.bundle_sha256 &&
      entry.seq <= receipt.treeSize,
  );
  if (!took)
    throw new BundleRefusedError(
      'bad-proof',
      `${b.sender.name}'s history does not show them receiving the bundle that was sent.`,
    );
}

/** Parents before their children (a child's row points at its parent's). */
function parentsFirst(items: readonly BundleItem[]): BundleItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const done = new Set<string>();
  const out: BundleItem[] = [];
  const visit = (i: BundleItem, depth: number) => {
    if (done.has(i.id) || depth > items.length) return;
    const parent = i.parentId === null ? undefined : byId.get(i.parentId);
    if (parent) visit(parent, depth + 1);
    done.add(i.id);
    out.push(i);
  };
  for (const i of items) visit(i, 0);
  return out;
}

function insertBundleItem(vault: UnlockedVault, caseId: string, x: ImportedItem): void {
  const { item } = x;
  const db = vault.db;
  insertBlobRow(db, { id: x.original.id, caseId, role: 'original', size: x.original.size });
  for (const { blob } of [...x.previews, ...x.frames.flatMap((f) => f.previews)])
    insertBlobRow(db, { id: blob.id, caseId, role: 'preview', size: blob.size });
  if (x.text)
    insertBlobRow(db, { id: x.text.blob.id, caseId, role: 'text', size: x.text.blob.size });
  insertItem(db, {
    id: item.id,
    caseId,
    kind: item.kind,
    mime: item.mime,
    originalName: item.originalName,
    size: item.size,
    sha256: item.sha256,
    sha1: item.sha1,
    md5: item.md5,
    pdq: item.pdq,
    pdqQuality: item.pdqQuality,
    pdqDihedral: item.pdqDihedral,
    width: item.width,
    height: item.height,
    metadata: item.metadata as ItemMetadata | null,
    flags: item.flags as ItemFlag[],
    originalBlob: x.original.id,
    createdAt: item.createdAt,
    parentId: item.parentId,
    pathInParent: item.pathInParent,
    damaged: item.damaged,
    eventAt: item.eventAt,
    facts: item.facts,
    links: item.links,
    language: item.language,
  });
  for (const a of item.acquisitions)
    insertAcquisition(
      db,
      item.id,
      a.sourcePath,
      a.acquiredAt,
      a.sourceBytes ? Buffer.from(a.sourceBytes, 'base64') : null,
    );
  for (const { p, blob } of x.previews)
    insertPreview(db, {
      itemId: item.id,
      size: p.size,
      variant: p.variant,
      blobId: blob.id,
      mime: p.mime,
      width: p.width,
      height: p.height,
    });
  if (x.text && item.textLayer)
    insertTextLayer(db, {
      itemId: item.id,
      blobId: x.text.blob.id,
      encoding: item.textLayer.encoding,
      detectedEncoding: item.textLayer.detectedEncoding,
      chars: item.textLayer.chars,
    });
  insertEvents(db, item.id, item.events);
  for (const { previews: _previews, ...f } of item.frames)
    insertFrame(db, { itemId: item.id, ...f });
  for (const f of x.frames)
    for (const { p, blob } of f.previews)
      insertFramePreview(db, {
        itemId: item.id,
        idx: f.idx,
        size: p.size,
        variant: p.variant,
        blobId: blob.id,
        mime: p.mime,
        width: p.width,
        height: p.height,
      });
  insertIndexedLines(db, caseId, item.id, [
    { field: 'name', line: null, raw: item.acquisitions[0]?.sourcePath ?? item.originalName },
    ...headerLines(item.facts),
    ...(x.text ? textLines(x.text.text) : []),
  ]);
  applyTriage(vault, caseId, item);
}

function applyTriage(vault: UnlockedVault, caseId: string, item: BundleItem): void {
  const category = item.category === null ? null : categoryByCode(vault.db, item.category);
  if (category) setItemCategory(vault.db, item.id, category.id, new Date().toISOString());
  if (item.severity !== null) setItemSeverity(vault.db, item.id, item.severity);
  for (const tag of item.tags) addTag(vault.db, caseId, item.id, tag);
  mergeLabels(vault.db, caseId, item, null);
}

/**
 * An item both sides hold: tags and a missing severity are added; the category follows the
 * colleague's when this side kept the one it sent, and otherwise (both changed it, differently)
 * becomes a conflict for the reviewer to decide, this side's category left in place. Labels in the
 * other schemes likewise (merge-fields.ts). Returns how many conflicts.
 */
function mergeItem(
  vault: UnlockedVault,
  caseId: string,
  item: BundleItem,
  sent: Record<string, string | null>,
  from: { fingerprint: string; at: string },
): number {
  const db = vault.db;
  for (const tag of item.tags) addTag(db, caseId, item.id, tag);
  if (itemSeverity(db, item.id) === null && item.severity !== null)
    setItemSeverity(db, item.id, item.severity);
  const labelConflicts = mergeLabels(db, caseId, item, from);
  const ours = itemCategoryCode(db, item.id);
  const rule = mergeRule(ours, item.category, item.id in sent ? { value: sent[item.id] } : null);
  if (rule === 'take') {
    const category = item.category === null ? null : categoryByCode(db, item.category);
    setItemCategory(db, item.id, category?.id ?? null, from.at);
  }
  if (rule !== 'conflict') return labelConflicts;
  insertConflict(db, {
    caseId,
    itemId: item.id,
    field: 'category',
    ours,
    theirs: item.category,
    colleague: from.fingerprint,
    createdAt: from.at,
  });
  return labelConflicts + 1;
}

function newCaseRow(m: BundleManifest): Omit<Case, 'itemCount' | 'status' | 'closedAt'> {
  return { ...m.case, kind: m.case.kind as CaseKind };
}

export async function importBundle(vault: UnlockedVault, b: OpenedBundle): Promise<ReceiveResult> {
  const m = b.manifest;
  const caseId = m.case.id;
  refuseReplay(vault, b);
  const existing = selectCase(vault.db, caseId);
  const sent = existing ? selectHandoff(vault.db, caseId) : undefined;
  if (existing && sent?.colleague_fingerprint !== b.sender.fingerprint)
    throw new BundleRefusedError(
      'conflicting-case',
      `case ${caseId} is already here and was not handed to ${b.sender.name}.`,
    );
  if (sent) checkReturn(b, sent);
  const mode = existing ? 'returned' : 'new';
  const fresh = existing ? null : vault.newCaseKey(caseId);
  const key = fresh?.key ?? vault.caseKey(caseId);
  const haveItems = new Set(
    existing
      ? (vault.db.prepare('SELECT id FROM items WHERE case_id = ?').pluck().all(caseId) as string[])
      : [],
  );
  const haveHashes = new Set(
    existing
      ? (vault.db
          .prepare('SELECT sha256 FROM items WHERE case_id = ?')
          .pluck()
          .all(caseId) as string[])
      : [],
  );
  const written: BlobInfo[] = [];
  try {
    const added: ImportedItem[] = [];
    for (const item of parentsFirst(m.items)) {
      if (haveItems.has(item.id) || haveHashes.has(item.sha256)) continue;
      added.push(await sealItem(vault, key, b, item, written));
    }
    const at = new Date().toISOString();
    const from = { fingerprint: b.sender.fingerprint, at };
    const result = vault.db.transaction(() => {
      if (fresh) insertCase(vault.db, newCaseRow(m), fresh.wrapped);
      for (const x of added) insertBundleItem(vault, caseId, x);
      const sentCategories = sent
        ? (JSON.parse(sent.sent_categories) as Record<string, string | null>)
        : {};
      let conflicts = existing
        ? mergeCaseFields(
            vault.db,
            m.case,
            JSON.parse(sent?.sent_case ?? '{}') as CaseFieldValues,
            b.sender.fingerprint,
            at,
          )
        : 0;
      for (const item of m.items) {
        if (haveItems.has(item.id))
          conflicts += mergeItem(vault, caseId, item, sentCategories, from);
        if (haveItems.has(item.id) || added.some((x) => x.item.id === item.id))
          insertReceivedMatches(vault.db, item.id, b.sender.fingerprint, item.matches);
      }
      const haveNotes = new Set(
        vault.db.prepare('SELECT id FROM notes WHERE case_id = ?').pluck().all(caseId) as string[],
      );
      const items = new Set(
        vault.db.prepare('SELECT id FROM items WHERE case_id = ?').pluck().all(caseId) as string[],
      );
      const newNotes = m.notes.filter(
        (n) => !haveNotes.has(n.id) && (n.itemId === null || items.has(n.itemId)),
      );
      for (const n of newNotes)
        insertNote(vault.db, {
          id: n.id,
          caseId,
          itemId: n.itemId,
          body: n.body,
          createdAt: n.createdAt,
        });
      for (const { entry, proof } of m.custody.entries)
        insertReceivedEntry(vault.db, {
          caseId,
          sender: b.sender.fingerprint,
          seq: entry.seq,
          entry: JSON.stringify(entry),
          proof: JSON.stringify(proof),
          bundle: b.sha256,
        });
      if (sent) deleteHandoff(vault.db, caseId);
      touchCase(vault.db, caseId);
      record(vault, {
        action: 'case.received',
        caseId,
        details: {
          from: b.sender.fingerprint,
          fromName: b.sender.name,
          bundleId: m.bundleId,
          bundleSha256: b.sha256,
          senderCheckpoint: m.custody.checkpoint,
          mode,
          itemsAdded: added.length,
          notesAdded: newNotes.length,
          conflicts,
        },
      });
      const receipt = writeCheckpoint(vault, 'handoff-received');
      insertReceivedBundle(vault.db, {
        bundle_sha256: b.sha256,
        case_id: caseId,
        sender_fingerprint: b.sender.fingerprint,
        sender_tree_size: b.checkpoint.treeSize,
        checkpoint: m.custody.checkpoint,
        receipt_checkpoint: receipt.note,
        received_at: new Date().toISOString(),
      });
      return { itemsAdded: added.length, notesAdded: newNotes.length, conflicts, receipt };
    })();
    return {
      caseId,
      mode,
      from: { name: b.sender.name, fingerprint: b.sender.fingerprint },
      bundleSha256: b.sha256,
      addedItemIds: added.map((x) => x.item.id),
      itemsAdded: result.itemsAdded,
      notesAdded: result.notesAdded,
      conflicts: result.conflicts,
      entries: m.custody.entries.length,
      checkpoint: { treeSize: result.receipt.treeSize, root: result.receipt.root.toString('hex') },
      case: selectCase(vault.db, caseId) as Case,
    };
  } catch (e) {
    for (const blob of written) await vault.blobs.remove(blob.id);
    if (fresh) vault.forgetCaseKey(caseId);
    throw e;
  }
}
