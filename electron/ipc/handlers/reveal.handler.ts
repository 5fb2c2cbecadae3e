import type { Handlers } from '../dispatch.ts';

type RevealHandlers = Pick<Handlers, 'reveal:set' | 'reveal:veil-all'>;

export const revealHandlers: RevealHandlers = {
  'reveal:set': (core, { itemId, step, seconds, reason }) => ({
    itemId,
    ...core.unveil(itemId, step, seconds * 1000, reason),
  }),
  'reveal:veil-all': (core) => ({ veiled: core.veilAll() }),
};
