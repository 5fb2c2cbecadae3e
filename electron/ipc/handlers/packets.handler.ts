import type { Handlers } from '../dispatch.ts';
import { buildPacket, verifyPacket } from '../../core/packets/index.ts';

type PacketHandlers = Pick<Handlers, 'packets:build' | 'packets:pick-out' | 'packets:verify'>;

export const packetHandlers: PacketHandlers = {
  // The app passes Electron's printToPDF as core.renderPdf; elsewhere the builder drives the
  // system Chromium through playwright-core.
  'packets:build': (core, args) =>
    buildPacket(core.vault(), {
      ...args,
      ...(core.renderPdf ? { renderPdf: core.renderPdf } : {}),
      onProgress: (p) => core.events.emit('packet:progress', p),
    }),
  'packets:pick-out': async (core, { suggestedName }) => ({
    path: await core.pickPacketTarget(suggestedName),
  }),
  'packets:verify': (_core, { path, key, identity, passphrase }) =>
    verifyPacket(path, { key, identity, passphrase }),
};
