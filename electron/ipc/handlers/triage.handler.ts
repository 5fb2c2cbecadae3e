import type { Handlers } from '../dispatch.ts';
import {
  listCategories,
  categorise,
  setSeverity,
  tagItems,
  addNote,
} from '../../core/triage/triage.service.ts';
import { readExposure } from '../../core/exposure/exposure.service.ts';
import { readSettings } from '../../core/settings/settings.service.ts';

type TriageHandlers = Pick<
  Handlers,
  | 'triage:categories'
  | 'triage:categorise'
  | 'triage:severity'
  | 'triage:tag'
  | 'notes:add'
  | 'exposure:get'
  | 'settings:get'
  | 'settings:set'
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
  'notes:add': (core, { itemId, body }) => addNote(core.vault(), itemId, body),
  'exposure:get': (core) => readExposure(core.vault().db, core.unlockedAt, core.reveal.current()),
  'settings:get': (core) => readSettings(core.vault()),
  'settings:set': (core, patch) => core.updateSettings(patch),
};
