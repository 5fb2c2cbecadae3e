import type { Handlers } from '../dispatch.ts';

export const noteHandlers: Pick<Handlers, 'notes:add'> = {
  'notes:add': (core, { itemId, body }) => core.triage.addNote(itemId, body),
};
