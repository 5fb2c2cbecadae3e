import type { Handlers } from '../dispatch.ts';
import { buildPacket, verifyPacket } from '../../core/packets/index.ts';
import { workstationKey } from '../../core/custody/signing-key.ts';
import { entriesFor, keyName } from '../../core/custody/custody-log.ts';

type PacketHandlers = Pick<
  Handlers,
  'packets:build' | 'packets:pick-out' | 'packets:verify' | 'key:show' | 'custody:history'
>;

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
  'key:show': (core) => {
    const vault = core.vault();
    const key = workstationKey(vault);
    return {
      algorithm: 'Ed25519' as const,
      fingerprint: key.fingerprint,
      publicKey: key.publicKey.toString('base64'),
      keyName: keyName(vault.vaultId),
    };
  },
  'custody:history': (core, { caseId, itemId }) =>
    entriesFor(core.vault().db, itemId === undefined ? { caseId: caseId ?? '' } : { itemId }),
};
