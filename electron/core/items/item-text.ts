// The text view's data: an item's text layer (decrypted from its blob into memory only), how it
// was decoded, and, for plain text, the original re-read in an encoding the reviewer chose. And a
// case's timeline: each item's own event time and every dated entry inside items, in time order.
import { NotFoundError } from '../errors.ts';
import { encodingNotPlainTextError, unknownEncodingError } from '../input-errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import { decodeAs, isKnownEncoding } from '../extract/text/decode-text.ts';
import { getCase } from '../cases/case.service.ts';
import type { ItemText, TimelineEntry } from '../../../shared/domain/written.ts';
import { selectEvents, selectTextLayer } from './item-content.queries.ts';

interface TextItemRow {
  case_id: string;
  kind: string;
  original_blob: string;
  facts: string;
  links: string;
  language: string | null;
}

export async function itemText(
  vault: UnlockedVault,
  itemId: string,
  encoding?: string,
): Promise<ItemText> {
  const row = vault.db
    .prepare('SELECT case_id, kind, original_blob, facts, links, language FROM items WHERE id = ?')
    .get(itemId) as TextItemRow | undefined;
  if (!row) throw new NotFoundError('item', itemId);
  const layer = selectTextLayer(vault.db, itemId);
  if (!layer) throw new NotFoundError('text layer of item', itemId);
  const caseKey = vault.caseKey(row.case_id);
  let text: string;
  if (encoding === undefined) {
    text = (await vault.blobs.read(caseKey, layer.blobId)).toString('utf8');
  } else {
    // Only plain text is its own bytes: other kinds' text comes out of a structure.
    if (row.kind !== 'text') {
      throw encodingNotPlainTextError();
    }
    if (!isKnownEncoding(encoding)) throw unknownEncodingError(encoding);
    text = decodeAs(await vault.blobs.read(caseKey, row.original_blob), encoding);
  }
  return {
    itemId,
    text,
    encoding: encoding ?? layer.encoding,
    language: row.language,
    detectedEncoding: layer.detectedEncoding,
    facts: JSON.parse(row.facts) as Record<string, unknown>,
    links: JSON.parse(row.links) as string[],
    events: selectEvents(vault.db, itemId),
  };
}

/** `hidden` names the items whose words are behind the text gate now: their entries keep only time and place. */
export function caseTimeline(
  vault: UnlockedVault,
  caseId: string,
  hidden: (itemId: string) => boolean,
): { timeZone: 'UTC'; entries: TimelineEntry[] } {
  getCase(vault, caseId);
  const entries = vault.db
    .prepare(
      `SELECT id AS itemId, event_at AS at, 'item' AS source, NULL AS who, original_name AS text,
              NULL AS line, 0 AS idx
         FROM items WHERE case_id = ? AND event_at IS NOT NULL
       UNION ALL
       SELECT e.item_id, e.at, 'event', e.who, e.text, e.line, e.idx + 1
         FROM item_events e JOIN items i ON i.id = e.item_id WHERE i.case_id = ?
       ORDER BY at, itemId, idx`,
    )
    .all(caseId, caseId) as (Omit<TimelineEntry, 'gated'> & { idx?: number })[];
  return {
    timeZone: 'UTC',
    entries: entries.map(({ idx: _idx, ...e }) =>
      // An item's own entry is its file name, which is not content; an event's text and sender are.
      e.source === 'event' && hidden(e.itemId)
        ? { ...e, who: null, text: '', gated: true }
        : { ...e, gated: false },
    ),
  };
}
