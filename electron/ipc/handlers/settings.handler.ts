import type { Handlers } from '../dispatch.ts';

export const settingsHandlers: Pick<Handlers, 'settings:get' | 'settings:set'> = {
  'settings:get': (core) => core.settings.get(),
  'settings:set': (core, patch) => core.settings.set(patch),
};
