import type { Handlers } from '../dispatch.ts';
import { listItems, getItem } from '../../core/items/item.service.ts';

type ItemHandlers = Pick<Handlers, 'items:list' | 'items:get'>;

export const itemHandlers: ItemHandlers = {
  'items:list': (core, { caseId, offset, limit, filter }) =>
    listItems(core.vault(), caseId, offset, limit, filter),
  'items:get': (core, { id }) => getItem(core.vault(), id),
};
