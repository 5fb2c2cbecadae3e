import type { Handlers } from '../dispatch.ts';
import { readExposure } from '../../core/exposure/exposure.service.ts';

export const exposureHandlers: Pick<Handlers, 'exposure:get'> = {
  'exposure:get': (core) => readExposure(core.vault().db, core.unlockedAt, core.reveal.current()),
};
