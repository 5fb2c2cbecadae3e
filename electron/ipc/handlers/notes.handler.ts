import type { Handlers } from '../dispatch.ts';
import { addNote } from '../../core/triage/triage.service.ts';

export const noteHandlers: Pick<Handlers, 'notes:add'> = {
  'notes:add': (core, { itemId, body }) => addNote(core.vault(), itemId, body),
};
