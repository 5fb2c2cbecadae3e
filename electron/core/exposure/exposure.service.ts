// Exposure is read from the custody log: every 'item.veiled' entry holds how long an item was
// unveiled, every 'item.played' entry how long its video or audio was allowed to play. One source of truth, so the number the reviewer sees is the number the log can prove.
import type { Db } from '../store/db.ts';
import type { Exposure } from '../../../shared/domain/triage.ts';
import type { Unveiling } from '../reveal/reveal-state.ts';

/** Seconds unveiled since a time, and distinct items unveiled, counting `running` (the item unveiled now) once. */
function sumSince(
  db: Db,
  sinceIso: string,
  running: string | null,
): { seconds: number; items: number } {
  const seconds = db
    .prepare(
      `SELECT coalesce(sum(json_extract(details, '$.seconds')), 0)
       FROM custody_entries WHERE action IN ('item.veiled', 'item.played') AND at >= ?`,
    )
    .pluck()
    .get(sinceIso) as number;
  const items = db
    .prepare(
      `SELECT count(*) FROM (
         SELECT item_id FROM custody_entries WHERE action IN ('item.veiled', 'item.played') AND at >= ?
         UNION SELECT ? WHERE ? IS NOT NULL)`,
    )
    .pluck()
    .get(sinceIso, running, running) as number;
  return { seconds, items };
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
  const dayStart = startOfLocalDay(now).getTime();
  const runningSince = (since: number) =>
    current && current.since >= since ? current.itemId : null;
  const today = sumSince(db, new Date(dayStart).toISOString(), runningSince(dayStart));
  const session = sumSince(db, new Date(sessionStart).toISOString(), runningSince(sessionStart));
  const running = current
    ? Math.max(0, Math.min(now.getTime(), current.until) - current.since) / 1000
    : 0;
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

export function itemExposureSeconds(db: Db, itemId: string): number {
  return db
    .prepare(
      `SELECT coalesce(sum(json_extract(details, '$.seconds')), 0) FROM custody_entries WHERE action = 'item.veiled' AND item_id = ?`,
    )
    .pluck()
    .get(itemId) as number;
}
