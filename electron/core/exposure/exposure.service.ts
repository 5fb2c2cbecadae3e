// Exposure is read from the custody log: every 'item.veiled' entry holds how long an item was
// unveiled, every 'item.played' entry how long its video or audio was allowed to play, every
// 'item.text-closed' how long a gated text was open. One source of truth, so the number the
// reviewer sees is the number the log can prove.
import type { Db } from '../store/db.ts';
import type { Exposure } from '../../../shared/domain/triage.ts';
import type { Unveiling } from '../reveal/reveal-state.ts';
import type { OpenText } from '../reveal/text-gate.ts';

/** The entries that carry exposure seconds: an unveiling's end, a playback's, a gated text's close. */
const EXPOSURE_ACTIONS = "'item.veiled', 'item.played', 'item.text-closed'";

/** Seconds unveiled since a time, and distinct items unveiled, counting `running` (the items open now) once. */
function sumSince(
  db: Db,
  sinceIso: string,
  running: readonly string[],
): { seconds: number; items: number } {
  const seconds = db
    .prepare(
      `SELECT coalesce(sum(json_extract(details, '$.seconds')), 0)
       FROM custody_entries WHERE action IN (${EXPOSURE_ACTIONS}) AND at >= ?`,
    )
    .pluck()
    .get(sinceIso) as number;
  const items = db
    .prepare(
      `SELECT count(*) FROM (
         SELECT item_id FROM custody_entries WHERE action IN (${EXPOSURE_ACTIONS}) AND at >= ?
         UNION SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(sinceIso, JSON.stringify(running)) as number;
  return { seconds, items };
}

function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/**
 * Today (local calendar day) and this session (since unlock); the current unveiling and the gated
 * text open now (`reading`) count as they run.
 */
export function readExposure(
  db: Db,
  sessionStart: number,
  current: Unveiling | null,
  now = new Date(),
  reading: OpenText | null = null,
): Exposure {
  const dayStart = startOfLocalDay(now).getTime();
  const runningSince = (since: number) =>
    [current, reading].flatMap((open) => (open && open.since >= since ? [open.itemId] : []));
  const today = sumSince(db, new Date(dayStart).toISOString(), runningSince(dayStart));
  const session = sumSince(db, new Date(sessionStart).toISOString(), runningSince(sessionStart));
  const running =
    (current ? Math.max(0, Math.min(now.getTime(), current.until) - current.since) / 1000 : 0) +
    (reading ? Math.max(0, now.getTime() - reading.since) / 1000 : 0);
  return {
    todaySeconds: today.seconds + running,
    todayItems: today.items,
    sessionSeconds: session.seconds + running,
    sessionItems: session.items,
    current: current && {
      itemId: current.itemId,
      step: current.step,
      since: current.since,
      until: current.until,
    },
  };
}

/**
 * How long the item has been unveiled, by anyone: on this workstation's log, and on colleagues'
 * logs as their proven entries came back with the case (each workstation sends only its own
 * entries, so none is counted twice).
 */
export function itemExposureSeconds(db: Db, itemId: string): number {
  return db
    .prepare(
      `SELECT
         (SELECT coalesce(sum(json_extract(details, '$.seconds')), 0) FROM custody_entries
           WHERE action IN ('item.veiled', 'item.text-closed') AND item_id = @itemId)
       + (SELECT coalesce(sum(json_extract(entry, '$.details.seconds')), 0) FROM received_entries
           WHERE json_extract(entry, '$.action') IN ('item.veiled', 'item.text-closed')
             AND json_extract(entry, '$.itemId') = @itemId)`,
    )
    .pluck()
    .get({ itemId }) as number;
}
