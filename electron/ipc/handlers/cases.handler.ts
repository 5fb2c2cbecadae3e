import type { Handlers } from '../dispatch.ts';

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
  'cases:list': (core) => core.cases.list(),
  'cases:create': (core, fields) => core.cases.create(fields),
  'cases:get': (core, { id }) => core.cases.get(id),
  'cases:update': (core, update) => core.cases.update(update),
  'cases:close': (core, { id }) => core.cases.close(id),
  'cases:reopen': (core, { id }) => core.cases.reopen(id),
  'cases:destroy': (core, { id }) => core.cases.destroy(id),
};
