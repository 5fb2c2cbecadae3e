import type { Handlers } from '../dispatch.ts';
import { buildPacket, verifyPacket } from '../../core/packets/index.ts';
import { withEncryptionSuffix } from '../../../shared/domain/packet-name.ts';

type PacketHandlers = Pick<
  Handlers,
  'packets:build' | 'packets:pick-out' | 'packets:pick-verify' | 'packets:verify'
>;

export const packetHandlers: PacketHandlers = {
  // The app passes Electron's printToPDF as core.renderPdf; elsewhere the builder drives the
  // system Chromium through playwright-core.
  // Paths only by handle, from main's save dialog: the page cannot name a place to write to.
  'packets:build': (core, args) =>
    buildPacket(core.vault(), {
      ...args,
      out: withEncryptionSuffix(
        core.paths.take(args.out, 'packet-out'),
        args.recipient !== undefined,
      ),
      ...(core.renderPdf ? { renderPdf: core.renderPdf } : {}),
      onProgress: (p) => core.events.emit('packet:progress', p),
    }),
  'packets:pick-out': async (core, { suggestedName }) => ({
    target: await core.pickPacketTarget(suggestedName),
  }),
  'packets:pick-verify': async (core, { what }) => ({ file: await core.pickVerifyFile(what) }),
  'packets:verify': (core, { packet, key, identity, passphrase }) => {
    const path = core.paths.take(packet, 'packet-in');
    const identityPath = identity === undefined ? undefined : core.paths.take(identity, 'identity');
    return verifyPacket(path, { key, identity: identityPath, passphrase });
  },
};
