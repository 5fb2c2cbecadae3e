import type { Handlers } from '../dispatch.ts';
import {
  listCategories,
  categorise,
  setSeverity,
  tagItems,
} from '../../core/triage/triage.service.ts';

type TriageHandlers = Pick<
  Handlers,
  'triage:categories' | 'triage:categorise' | 'triage:severity' | 'triage:tag'
>;

export const triageHandlers: TriageHandlers = {
  'triage:categories': (core) => listCategories(core.vault()),
  'triage:categorise': (core, { itemIds, category }) => ({
    updated: categorise(core.vault(), itemIds, category),
  }),
  'triage:severity': (core, { itemIds, severity }) => ({
    updated: setSeverity(core.vault(), itemIds, severity),
  }),
  'triage:tag': (core, { itemIds, tag, on }) => ({
    updated: tagItems(core.vault(), itemIds, tag, on),
  }),
};
