import type { Handlers } from '../dispatch.ts';

export const exposureHandlers: Pick<Handlers, 'exposure:get'> = {
  'exposure:get': (core) => core.reveal.exposure(),
};
