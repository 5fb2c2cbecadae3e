import type { Handlers } from '../dispatch.ts';
import { dismissBreakFor, withBreak } from '../../core/exposure/break-prompt.ts';

export const exposureHandlers: Pick<Handlers, 'exposure:get' | 'exposure:dismiss-break'> = {
  'exposure:get': (core) => withBreak(core.vault(), core.reveal.exposure()),
  'exposure:dismiss-break': (core) => dismissBreakFor(core.vault(), core.reveal.exposure()),
};
