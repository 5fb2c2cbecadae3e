import type { Handlers } from '../dispatch.ts';
import { withEncryptionSuffix } from '../../../shared/domain/packet-name.ts';

type PacketHandlers = Pick<
  Handlers,
  'packets:build' | 'packets:pick-out' | 'packets:pick-verify' | 'packets:verify'
>;

export const packetHandlers: PacketHandlers = {
  // Paths only by handle, from main's dialogs: the page cannot name a place to read or write.
  'packets:build': (core, args) =>
    core.packets.build({
      ...args,
      out: withEncryptionSuffix(
        core.paths.take(args.out, 'packet-out'),
        args.recipient !== undefined,
      ),
    }),
  'packets:pick-out': async (core, { suggestedName }) => ({
    target: await core.pickPacketTarget(suggestedName),
  }),
  'packets:pick-verify': async (core, { what }) => ({ file: await core.pickVerifyFile(what) }),
  'packets:verify': (core, { packet, key, identity, passphrase }) =>
    core.packets.verify(core.paths.take(packet, 'packet-in'), {
      key,
      identity: identity === undefined ? undefined : core.paths.take(identity, 'identity'),
      passphrase,
    }),
};
