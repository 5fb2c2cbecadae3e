import type { Handlers } from '../dispatch.ts';

type RevealHandlers = Pick<Handlers, 'reveal:set' | 'reveal:veil-all'>;

export const revealHandlers: RevealHandlers = {
  'reveal:set': (core, { itemId, step, reason, override, frame }) =>
    core.reveal.set(itemId, step, reason, override, frame ?? null),
  'reveal:veil-all': (core) => ({ veiled: core.reveal.veilAll() }),
};
