import type { Handlers } from '../dispatch.ts';

type PacketHandlers = Pick<Handlers, 'packets:build' | 'packets:pick-out' | 'packets:verify'>;

export const packetHandlers: PacketHandlers = {
  'packets:build': (core, request) => core.packets.build(request),
  'packets:pick-out': (core, { suggestedName }) => core.packets.pickOut(suggestedName),
  'packets:verify': (core, { path, ...options }) => core.packets.verify(path, options),
};
