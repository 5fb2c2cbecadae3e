import type { Handlers } from '../dispatch.ts';

type SearchHandlers = Pick<Handlers, 'search:query'>;

export const searchHandlers: SearchHandlers = {
  'search:query': (core, { caseId, query, limit }) => core.search.query(caseId, query, limit),
};
