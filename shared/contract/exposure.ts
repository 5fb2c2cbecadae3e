import { z } from 'zod';
import { channel, noArgs } from './define.ts';
import { exposureSchema } from '../domain/triage.ts';

/** Exposure, and whether the core says a break is due (its memory of dismissals is in the vault). */
export const exposureStateSchema = exposureSchema.extend({ breakDue: z.boolean() });

export const exposureChannels = {
  'exposure:get': channel(noArgs, exposureStateSchema),
  /** The reviewer dismissed the break prompt: not again until another threshold has passed. */
  'exposure:dismiss-break': channel(noArgs, exposureStateSchema),
};
