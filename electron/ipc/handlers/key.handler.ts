import type { Handlers } from '../dispatch.ts';

export const keyHandlers: Pick<Handlers, 'key:show' | 'key:card' | 'key:rename'> = {
  'key:show': (core) => core.identity.show(),
  'key:card': (core) => ({ card: core.identity.card(), file: core.identity.cardFile() }),
  'key:rename': (core, { name }) => core.identity.rename(name),
};
