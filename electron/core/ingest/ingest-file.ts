// One file into the vault, in four phases: read and seal (sniff, hash and encrypt in one pass),
// duplicate check, render (decode once for PDQ and previews), commit (one transaction). Any
// failure removes what this file wrote; the batch goes on.
import { randomBytes } from 'node:crypto';
import type { BlobWriter } from '../blobs/index.ts';
import { stat } from 'node:fs/promises';
import { CustodyError, DiskFullError, isDiskFull } from '../errors.ts';
import { getItem } from '../items/item.service.ts';
import { newId } from '../../../shared/domain/ids.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import type { WalkFile } from './walk.ts';
import { readAndSeal } from './read-and-seal.ts';
import { existingItem, recordDuplicate } from './duplicate-check.ts';
import { renderPreviews } from './render-previews.ts';
import { commitItem } from './commit-item.ts';
import {
  describeFileError,
  FileFailure,
  throwIfCancelled,
  type IngestContext,
} from './ingest-context.ts';

export type { IngestContext } from './ingest-context.ts';

export async function ingestFile(ctx: IngestContext, file: WalkFile): Promise<IngestFileResult> {
  const written: string[] = [];
  let writer: BlobWriter | null = null;
  const fail = (reason: string): IngestFileResult => ({
    path: file.displayPath,
    status: 'failed',
    reason,
    item: null,
  });
  try {
    const read = await readAndSeal(ctx, file);
    if ('refused' in read) return fail(read.refused);
    const { sealed } = read;
    writer = sealed.writer;
    const acquiredAt = new Date().toISOString();
    const sha256 = sealed.hashes.sha256;

    const existing = existingItem(ctx, sha256);
    if (existing) return recordDuplicate(ctx, file, existing, sha256, acquiredAt);
    const original = await writer.commit();
    writer = null;
    written.push(original.id);

    const itemId = newId('i', randomBytes);
    const rendered = await renderPreviews(ctx, file, sealed, itemId, written);
    throwIfCancelled(ctx.signal);

    const raced = commitItem(ctx, { itemId, file, sealed, original, rendered, acquiredAt });
    if (raced) return recordDuplicate(ctx, file, raced, sha256, acquiredAt);
    written.length = 0;
    return {
      path: file.displayPath,
      status: 'ingested',
      reason: null,
      item: getItem(ctx.vault, itemId),
    };
  } catch (e) {
    if (e instanceof CustodyError && e.code === 'CANCELLED') {
      return { path: file.displayPath, status: 'cancelled', reason: 'cancelled', item: null };
    }
    if (isDiskFull(e)) return fail(new DiskFullError(await needFor(file)).message);
    if (e instanceof FileFailure || e instanceof CustodyError) return fail(e.message);
    if ((e as NodeJS.ErrnoException).code) return fail(describeFileError(e));
    throw e;
  } finally {
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
