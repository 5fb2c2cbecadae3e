import type { Handlers } from '../dispatch.ts';

export const settingsHandlers: Pick<
  Handlers,
  'settings:get' | 'settings:set' | 'settings:interface-language'
> = {
  'settings:get': (core) => core.settings.get(),
  'settings:set': (core, patch) => core.settings.set(patch),
  'settings:interface-language': async (core) => ({ language: await core.settings.lastLanguage() }),
};
