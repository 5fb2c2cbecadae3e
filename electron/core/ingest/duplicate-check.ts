// The same bytes twice in one case make one item with two acquisitions, never two items: the
// second source is recorded, with its own custody entry.
import { insertAcquisition, itemIdBySha256 } from '../items/item.queries.ts';
import { getItem } from '../items/item.service.ts';
import { record } from '../custody/custody-log.ts';
import { touchCase } from '../cases/case.queries.ts';
import type { IngestFileResult } from '../../../shared/domain/item.ts';
import type { IngestContext } from './ingest-context.ts';
import type { ItemOrigin } from './commit-item.ts';

/** The case's item with these bytes, if there is one. */
export function existingItem(ctx: IngestContext, sha256: string): string | null {
  return itemIdBySha256(ctx.vault.db, ctx.caseId, sha256) ?? null;
}

/** Records `origin` (a file, or a path inside another item) as another acquisition of `existing`. */
export function recordDuplicate(
  ctx: IngestContext,
  origin: ItemOrigin,
  existing: string,
  sha256: string,
  acquiredAt: string,
): IngestFileResult {
  const { vault, caseId } = ctx;
  vault.db.transaction(() => {
    insertAcquisition(vault.db, existing, origin.sourcePath, acquiredAt, origin.sourceBytes);
    touchCase(vault.db, caseId, acquiredAt);
    record(vault, {
      action: 'item.acquired-again',
      caseId,
      itemId: existing,
      details: {
        source: origin.sourcePath,
        sha256,
        ...(origin.parent
          ? { parentId: origin.parent.itemId, pathInParent: origin.parent.pathInParent }
          : {}),
      },
    });
  })();
  return {
    path: origin.sourcePath,
    status: 'duplicate',
    reason: 'the same bytes are already in this case',
    item: getItem(vault, existing),
  };
}
