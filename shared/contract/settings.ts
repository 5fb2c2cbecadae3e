import { channel, noArgs } from './define.ts';
import { settingsSchema } from '../domain/settings.ts';

export const settingsChannels = {
  'settings:get': channel(noArgs, settingsSchema),
  'settings:set': channel(settingsSchema.partial().strict(), settingsSchema),
};
