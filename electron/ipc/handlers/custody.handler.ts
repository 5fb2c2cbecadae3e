import type { Handlers } from '../dispatch.ts';

export const custodyHandlers: Pick<Handlers, 'custody:history'> = {
  'custody:history': (core, { caseId, itemId }) =>
    core.custody.history(itemId === undefined ? { caseId: caseId ?? '' } : { itemId }),
};
