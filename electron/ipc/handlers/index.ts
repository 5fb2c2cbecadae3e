import type { Handlers } from '../dispatch.ts';
import { vaultHandlers } from './vault.handler.ts';
import { caseHandlers } from './cases.handler.ts';
import { itemHandlers } from './items.handler.ts';
import { triageHandlers } from './triage.handler.ts';
import { packetHandlers } from './packets.handler.ts';

/** Every channel's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...vaultHandlers,
  ...caseHandlers,
  ...itemHandlers,
  ...triageHandlers,
  ...packetHandlers,
};
