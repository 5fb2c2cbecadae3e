import type { Handlers } from '../dispatch.ts';

type ReportHandlers = Pick<
  Handlers,
  'reports:list' | 'reports:show' | 'reports:find' | 'reports:set-reference'
>;

export const reportHandlers: ReportHandlers = {
  'reports:list': (core) => core.reports.list(),
  'reports:show': (core, { id }) => core.reports.get(id),
  'reports:find': (core, { hash }) => core.reports.find(hash),
  'reports:set-reference': (core, args) => core.reports.setReference(args),
};
