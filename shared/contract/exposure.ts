import { channel, noArgs } from './define.ts';
import { exposureSchema } from '../domain/triage.ts';

export const exposureChannels = {
  'exposure:get': channel(noArgs, exposureSchema),
};
