// Exposure is read from the custody log: every 'item.veiled' entry holds how long an item was
// unveiled. One source of truth, so the number the reviewer sees is the number the log can prove.
import type { Db } from '../store/db.ts';
import type { Exposure } from '../../../shared/domain/triage.ts';
import type { Unveiling } from '../reveal/reveal-state.ts';

function sumSince(db: Db, sinceIso: string): { seconds: number; items: number } {
  const row = db
    .prepare(
      `SELECT coalesce(sum(json_extract(details, '$.seconds')), 0) AS seconds, count(DISTINCT item_id) AS items
       FROM custody_entries WHERE action = 'item.veiled' AND at >= ?`,
    )
    .get(sinceIso) as { seconds: number; items: number };
  return row;
}

function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Today (local calendar day) and this session (since unlock); the current unveiling counts as it runs. */
export function readExposure(
  db: Db,
  sessionStart: number,
  current: Unveiling | null,
  now = new Date(),
): Exposure {
  const today = sumSince(db, startOfLocalDay(now).toISOString());
  const session = sumSince(db, new Date(sessionStart).toISOString());
  const running = current
    ? Math.max(0, Math.min(now.getTime(), current.until) - current.since) / 1000
    : 0;
  const extraItem = (since: number) => (current && current.since >= since ? 1 : 0);
  return {
    todaySeconds: today.seconds + running,
    todayItems: today.items + extraItem(startOfLocalDay(now).getTime()),
    sessionSeconds: session.seconds + running,
    sessionItems: session.items + extraItem(sessionStart),
    current: current && {
      itemId: current.itemId,
      step: current.step,
      since: current.since,
      until: current.until,
    },
  };
}

export function itemExposureSeconds(db: Db, itemId: string): number {
  return db
    .prepare(
      `SELECT coalesce(sum(json_extract(details, '$.seconds')), 0) FROM custody_entries WHERE action = 'item.veiled' AND item_id = ?`,
    )
    .pluck()
    .get(itemId) as number;
}
