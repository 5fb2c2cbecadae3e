import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { settingsSchema } from '../domain/settings.ts';

export const settingsChannels = {
  'settings:get': channel(noArgs, settingsSchema),
  'settings:set': channel(settingsSchema.partial().strict(), settingsSchema),
  /** Answered while locked too: the last language chosen in this vault, or null. */
  'settings:interface-language': channel(
    noArgs,
    z.object({ language: settingsSchema.shape.language.nullable() }),
  ),
};
