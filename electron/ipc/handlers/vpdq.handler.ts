import type { Handlers } from '../dispatch.ts';

type VpdqHandlers = Pick<Handlers, 'vpdq:status' | 'vpdq:frames' | 'vpdq:hash'>;

export const vpdqHandlers: VpdqHandlers = {
  'vpdq:status': (core, { itemId }) => core.vpdq.status(itemId),
  'vpdq:frames': (core, { itemId }) => ({
    status: core.vpdq.status(itemId),
    frames: core.vpdq.frames(itemId),
  }),
  'vpdq:hash': (core, { itemId }) => core.vpdq.hashNow(itemId),
};
