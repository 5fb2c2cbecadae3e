// One file into the vault, in four phases: read and seal (sniff, hash and encrypt in one pass),
// duplicate check, read the content (decode an image, or extract a document in the decode
// process), commit (one transaction, shared with the other items ready at that moment). Then the
// files found inside it (attachments, archive members) go through the same phases as its children. Any failure removes what this file wrote;
// the batch goes on.
import { randomBytes } from 'node:crypto';
import type { BlobWriter } from '../blobs/index.ts';
import { stat } from 'node:fs/promises';
import { CustodyError, DiskFullError, isDiskFull } from '../errors.ts';
import { getItem } from '../items/item.service.ts';
import { newId } from '../../../shared/domain/ids.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import { keptNameBytes, type WalkFile } from './walk.ts';
import { readAndSeal, sealBytes, type SealedFile } from './read-and-seal.ts';
import { existingItem, recordDuplicate } from './duplicate-check.ts';
import { readContent } from './read-content.ts';
import { commitItem, type ItemOrigin } from './commit-item.ts';
import { commitWithGroup, enterCommitGroup } from './commit-queue.ts';
import { ingestChildren, rootBudget, type UnpackBudget } from './children.ts';
import {
  describeFileError,
  FileFailure,
  throwIfCancelled,
  type IngestContext,
} from './ingest-context.ts';

export type { IngestContext } from './ingest-context.ts';

export async function ingestFile(ctx: IngestContext, file: WalkFile): Promise<IngestFileResult> {
  const fail = (reason: string): IngestFileResult => ({
    path: file.displayPath,
    status: 'failed',
    reason,
    item: null,
  });
  try {
    const read = await readAndSeal(ctx, file);
    if ('refused' in read) return fail(read.refused);
    const origin: ItemOrigin = {
      sourcePath: file.displayPath,
      sourceBytes: keptNameBytes(file),
      originalName: file.displayPath,
      parent: null,
    };
    return await ingestSealed(ctx, origin, read.sealed, rootBudget(read.sealed.size));
  } catch (e) {
    if (e instanceof CustodyError && e.code === 'CANCELLED') {
      return { path: file.displayPath, status: 'cancelled', reason: 'cancelled', item: null };
    }
    if (isDiskFull(e)) return fail(new DiskFullError(await needFor(file)).message);
    if (e instanceof FileFailure || e instanceof CustodyError) return fail(e.message);
    if ((e as NodeJS.ErrnoException).code) return fail(describeFileError(e));
    throw e;
  }
}

/** A file found inside a stored item, from its bytes: sealed, then ingested like any file. */
export async function ingestInner(
  ctx: IngestContext,
  origin: ItemOrigin,
  bytes: Uint8Array,
  budget: UnpackBudget,
): Promise<IngestFileResult> {
  const sealed = await sealBytes(ctx, bytes, origin.originalName);
  return ingestSealed(ctx, origin, sealed, budget);
}

/** Phases two to four for sealed bytes, then their children; the blob writer is always settled. */
async function ingestSealed(
  ctx: IngestContext,
  origin: ItemOrigin,
  sealed: SealedFile,
  budget: UnpackBudget,
): Promise<IngestFileResult> {
  const written: string[] = [];
  let writer: BlobWriter | null = sealed.writer;
  const leaveGroup = enterCommitGroup(ctx.vault.db);
  try {
    const acquiredAt = new Date().toISOString();
    const sha256 = sealed.hashes.sha256;
    const existing = existingItem(ctx, sha256);
    if (existing) return recordDuplicate(ctx, origin, existing, sha256, acquiredAt);
    const original = await writer.commit();
    writer = null;
    written.push(original.id);

    const itemId = newId('i', randomBytes);
    const content = await readContent(
      ctx,
      origin.originalName,
      sealed,
      itemId,
      written,
      budget.limits(),
    );
    throwIfCancelled(ctx.signal);

    // With whatever other items are ready now: one transaction, one fsync, for all of them.
    const raced = await commitWithGroup(ctx.vault.db, () =>
      commitItem(ctx, { itemId, origin, sealed, original, content, acquiredAt }),
    );
    // Its children commit after it: they must not wait for it.
    leaveGroup();
    if (raced) return recordDuplicate(ctx, origin, raced, sha256, acquiredAt);
    written.length = 0;
    const children = content.extracted?.children ?? [];
    if (children.length > 0) {
      await ingestChildren(
        ctx,
        { itemId, sha256, sourcePath: origin.sourcePath },
        children,
        budget,
        ingestInner,
      );
    }
    return {
      path: origin.sourcePath,
      status: 'ingested',
      reason: null,
      item: getItem(ctx.vault, itemId),
    };
  } finally {
    leaveGroup();
    await writer?.abort().catch(() => undefined);
    for (const id of written) await ctx.vault.blobs.remove(id).catch(() => undefined);
  }
}

/** What this file needs on the vault's disk, at least: its own size (previews come on top). */
async function needFor(file: WalkFile): Promise<{ bytes: number; what: string } | undefined> {
  try {
    const st = await stat(file.path);
    return { bytes: st.size, what: file.displayPath };
  } catch {
    return undefined;
  }
}
