import type { Handlers } from '../dispatch.ts';
import type { CustodyCore } from '../../core/core.ts';
import { readExposure } from '../../core/exposure/exposure.service.ts';
import { dismissBreakFor, withBreak } from '../../core/exposure/break-prompt.ts';

const exposureNow = (core: CustodyCore) =>
  readExposure(core.vault().db, core.unlockedAt, core.reveal.current());

export const exposureHandlers: Pick<Handlers, 'exposure:get' | 'exposure:dismiss-break'> = {
  'exposure:get': (core) => withBreak(core.vault(), exposureNow(core)),
  'exposure:dismiss-break': (core) => dismissBreakFor(core.vault(), exposureNow(core)),
};
