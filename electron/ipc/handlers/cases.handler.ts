import type { Handlers } from '../dispatch.ts';
import {
  listCases,
  getCase,
  createCase,
  updateCase,
  closeCase,
  reopenCase,
  destroyCase,
} from '../../core/cases/case.service.ts';

type CaseHandlers = Pick<
  Handlers,
  | 'cases:list'
  | 'cases:create'
  | 'cases:get'
  | 'cases:update'
  | 'cases:close'
  | 'cases:reopen'
  | 'cases:destroy'
>;

export const caseHandlers: CaseHandlers = {
  'cases:list': (core) => listCases(core.vault()),
  'cases:create': (core, fields) => createCase(core.vault(), fields),
  'cases:get': (core, { id }) => getCase(core.vault(), id),
  'cases:update': (core, update) => updateCase(core.vault(), update),
  'cases:close': (core, { id }) => closeCase(core.vault(), id),
  'cases:reopen': (core, { id }) => reopenCase(core.vault(), id),
  'cases:destroy': async (core, { id }) => {
    await destroyCase(core.vault(), id);
    return { destroyed: true as const };
  },
};
