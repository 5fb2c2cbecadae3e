import type { Handlers } from '../dispatch.ts';

type HashListHandlers = Pick<
  Handlers,
  | 'hashlists:list'
  | 'hashlists:pick'
  | 'hashlists:import'
  | 'hashlists:set-enabled'
  | 'hashlists:remove'
  | 'hashlists:matches'
  | 'hashlists:review'
  | 'hashlists:blocked'
  | 'hashlists:similar'
  | 'hashlists:labels'
  | 'hashlists:label'
  | 'hashlists:suggest'
  | 'hashlists:export'
  | 'hashlists:schemes'
  | 'hashlists:set-schemes'
>;

// Paths only by handle, from main's dialogs (or the CLI's own arguments, granted the same way).
export const hashlistHandlers: HashListHandlers = {
  'hashlists:list': (core) => core.hashlists.list(),
  'hashlists:pick': async (core) => ({ file: await core.pickHashList() }),
  'hashlists:import': (core, { file, ...options }) =>
    core.hashlists.import(core.paths.take(file, 'hash-list'), options),
  'hashlists:set-enabled': (core, { id, enabled }) => core.hashlists.setEnabled(id, enabled),
  'hashlists:remove': (core, { id }) => core.hashlists.remove(id),
  'hashlists:matches': (core, where) => core.hashlists.matches(where),
  'hashlists:review': (core, { matchId, verdict, note }) =>
    core.hashlists.review(matchId, verdict, note),
  'hashlists:blocked': (core, { itemId }) => core.hashlists.blocked(itemId),
  'hashlists:similar': (core, { caseId }) => core.hashlists.similar(caseId),
  'hashlists:labels': (core, { itemId }) => core.hashlists.labelsOf(itemId),
  'hashlists:suggest': (core, { itemId }) => ({ suggestions: core.hashlists.suggest(itemId) }),
  'hashlists:label': (core, { itemId, categoryId, from }) =>
    core.hashlists.label(itemId, categoryId, from),
  'hashlists:export': (core, { caseId, format, out }) =>
    core.hashlists.export(caseId, format, core.paths.take(out, 'hash-export')),
  'hashlists:schemes': (core) => ({ schemes: core.hashlists.schemes() }),
  'hashlists:set-schemes': (core, { schemes }) => ({ schemes: core.hashlists.setSchemes(schemes) }),
};
