import type { Handlers } from '../dispatch.ts';
import { entriesFor } from '../../core/custody/custody-log.ts';

export const custodyHandlers: Pick<Handlers, 'custody:history'> = {
  'custody:history': (core, { caseId, itemId }) =>
    entriesFor(core.vault().db, itemId === undefined ? { caseId: caseId ?? '' } : { itemId }),
};
