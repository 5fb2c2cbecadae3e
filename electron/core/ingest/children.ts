// The files found inside a stored item (attachments, archive members, embedded images) become
// items of their own, each ingested like any file and linked to its parent. One budget spans every
// level below a top-level file, so nesting cannot multiply the zip-bomb limits: total bytes and
// child count are shared, and depth is bounded. A child that fails is recorded and the rest go on.
import { record } from '../custody/custody-log.ts';
import { CustodyError, isDiskFull } from '../errors.ts';
import {
  DEFAULT_LIMITS,
  type ExtractedChild,
  type ExtractLimits,
} from '../extract/extract-result.ts';
import { neutralisePath } from '../extract/inner-path.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import type { ItemOrigin } from './commit-item.ts';
import { throwIfCancelled, type IngestContext } from './ingest-context.ts';

/** Containers inside containers are unpacked this many levels deep, no deeper. */
export const MAX_DEPTH = 5;

export interface UnpackBudget {
  depth: number;
  /** The limits an extractor at this level gets: what is left of the shared budget. */
  limits(): ExtractLimits;
  /** Takes a child's bytes from the budget; false when it does not fit (the child is skipped). */
  take(bytes: number): boolean;
  /** The budget for the children of a child. */
  below(): UnpackBudget;
}

interface Shared {
  bytesLeft: number;
  childrenLeft: number;
}

function budgetAt(shared: Shared, depth: number): UnpackBudget {
  return {
    depth,
    limits: () => ({
      ...DEFAULT_LIMITS,
      maxTotalBytes: Math.max(0, shared.bytesLeft),
      maxChildren: depth >= MAX_DEPTH ? 0 : Math.max(0, shared.childrenLeft),
    }),
    take(bytes) {
      if (depth > MAX_DEPTH || bytes > shared.bytesLeft || shared.childrenLeft <= 0) return false;
      shared.bytesLeft -= bytes;
      shared.childrenLeft--;
      return true;
    },
    below: () => budgetAt(shared, depth + 1),
  };
}

/** The budget for everything unpacked from one top-level file of `size` bytes. */
export function rootBudget(size: number): UnpackBudget {
  const bytes = Math.min(DEFAULT_LIMITS.maxTotalBytes, Math.max(size, 1) * DEFAULT_LIMITS.maxRatio);
  return budgetAt({ bytesLeft: bytes, childrenLeft: DEFAULT_LIMITS.maxChildren }, 0);
}

export interface ParentRef {
  itemId: string;
  sha256: string;
  sourcePath: string;
}

type IngestInner = (
  ctx: IngestContext,
  origin: ItemOrigin,
  bytes: Uint8Array,
  budget: UnpackBudget,
) => Promise<IngestFileResult>;

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export async function ingestChildren(
  ctx: IngestContext,
  parent: ParentRef,
  children: readonly ExtractedChild[],
  budget: UnpackBudget,
  ingestInner: IngestInner,
): Promise<void> {
  const below = budget.below();
  for (const child of children) {
    throwIfCancelled(ctx.signal);
    const path = neutralisePath(child.path);
    const sourcePath = `${parent.sourcePath}/${path}`;
    let result: IngestFileResult;
    if (child.bytes.length === 0) {
      result = {
        path: sourcePath,
        status: 'failed',
        reason: 'the file is empty (0 bytes)',
        item: null,
      };
    } else if (!below.take(child.bytes.length)) {
      result = {
        path: sourcePath,
        status: 'failed',
        reason: 'not unpacked: over the unpacking limits (size, count or depth)',
        item: null,
      };
    } else {
      const origin: ItemOrigin = {
        sourcePath,
        sourceBytes: null,
        originalName: lastSegment(path),
        parent: { itemId: parent.itemId, sha256: parent.sha256, pathInParent: path },
      };
      result = await ingestInner(ctx, origin, child.bytes, below).catch((e: unknown) => {
        if (e instanceof CustodyError && e.code === 'CANCELLED') throw e;
        const reason = e instanceof Error ? e.message : String(e);
        return { path: sourcePath, status: 'failed' as const, reason, item: null };
      });
    }
    if (result.status === 'failed') noteFailure(ctx, parent, path, result.reason ?? 'failed');
  }
}

function noteFailure(ctx: IngestContext, parent: ParentRef, path: string, reason: string): void {
  try {
    record(ctx.vault, {
      action: 'item.ingest-failed',
      caseId: ctx.caseId,
      itemId: parent.itemId,
      details: { source: `${parent.sourcePath}/${path}`, pathInParent: path, reason },
    });
  } catch (e) {
    if (!isDiskFull(e)) throw e;
  }
}
