import type { Handlers } from '../dispatch.ts';

type ColleagueHandlers = Pick<
  Handlers,
  | 'colleagues:inspect'
  | 'colleagues:add'
  | 'colleagues:list'
  | 'colleagues:remove'
  | 'colleagues:export-card'
>;

export const colleagueHandlers: ColleagueHandlers = {
  'colleagues:inspect': (core, { card }) => core.colleagues.inspect(card),
  'colleagues:add': (core, { card }) => core.colleagues.add(card),
  'colleagues:list': (core) => core.colleagues.list(),
  'colleagues:export-card': (core, { out }) =>
    core.identity.exportCard(core.paths.take(out, 'packet-out')),
  'colleagues:remove': (core, { fingerprint }) => {
    core.colleagues.remove(fingerprint);
    return { removed: true as const };
  },
};
