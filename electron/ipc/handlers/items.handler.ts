import type { Handlers } from '../dispatch.ts';

type ItemHandlers = Pick<Handlers, 'items:list' | 'items:get'>;

export const itemHandlers: ItemHandlers = {
  'items:list': (core, { caseId, offset, limit, filter }) =>
    core.items.list(caseId, offset, limit, filter),
  'items:get': (core, { id }) => core.items.get(id),
};
