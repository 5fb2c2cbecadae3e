import type { Handlers } from '../dispatch.ts';

export const keyHandlers: Pick<Handlers, 'key:show'> = {
  'key:show': (core) => core.custody.signingKey(),
};
