// A case handed to a colleague is read-only here: two workstations changing one case at once is
// what a handoff exists to prevent. It becomes writable when it comes back, or by a logged take-back.
import type { Db } from '../store/db.ts';
import { CustodyError } from '../errors.ts';
import { selectHandoff } from './handoff.queries.ts';

export class CaseHandedOverError extends CustodyError {
  constructor(caseId: string, colleague: string, since: string) {
    super(
      'CASE_HANDED_OVER',
      `Case ${caseId} is with ${colleague} since ${since}: it is read-only here until it comes back, or until you take it back.`,
      { params: { case: caseId, colleague, since } },
    );
  }
}

export function assertNotHandedOver(db: Db, caseId: string): void {
  const h = selectHandoff(db, caseId);
  if (h?.status === 'with-colleague')
    throw new CaseHandedOverError(caseId, h.colleague_name, h.sent_at);
}
