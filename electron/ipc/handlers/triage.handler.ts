import type { Handlers } from '../dispatch.ts';

type TriageHandlers = Pick<
  Handlers,
  'triage:categories' | 'triage:categorise' | 'triage:severity' | 'triage:tag' | 'triage:undo'
>;

export const triageHandlers: TriageHandlers = {
  'triage:categories': (core) => core.triage.categories(),
  'triage:categorise': (core, { itemIds, category }) => core.triage.categorise(itemIds, category),
  'triage:severity': (core, { itemIds, severity }) => core.triage.severity(itemIds, severity),
  'triage:tag': (core, { itemIds, tag, on }) => core.triage.tag(itemIds, tag, on),
  'triage:undo': (core, { itemId }) => core.triage.undo(itemId),
};
