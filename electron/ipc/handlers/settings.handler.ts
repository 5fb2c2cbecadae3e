import type { Handlers } from '../dispatch.ts';
import { readSettings } from '../../core/settings/settings.service.ts';

export const settingsHandlers: Pick<Handlers, 'settings:get' | 'settings:set'> = {
  'settings:get': (core) => readSettings(core.vault()),
  'settings:set': (core, patch) => core.updateSettings(patch),
};
