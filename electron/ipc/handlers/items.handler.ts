import type { Handlers } from '../dispatch.ts';

type ItemHandlers = Pick<
  Handlers,
  'items:list' | 'items:get' | 'items:text' | 'items:timeline' | 'items:languages'
>;

export const itemHandlers: ItemHandlers = {
  'items:list': (core, { caseId, offset, limit, filter, sort }) =>
    core.items.list(caseId, offset, limit, filter, sort),
  'items:get': (core, { id }) => core.items.get(id),
  'items:text': (core, { itemId, encoding }) => core.items.text(itemId, encoding),
  'items:timeline': (core, { caseId }) => core.items.timeline(caseId),
  'items:languages': (core, { caseId }) => ({ languages: core.items.languages(caseId) }),
};
