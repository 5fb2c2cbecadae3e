// `custody key show`: the workstation's signing key, which a recipient pins (`custody verify --key`).
import { viaCore, type Command } from '../command.ts';
import { EXIT_OK } from '../exit.ts';
import { workstationKey } from '../../core/custody/signing-key.ts';
import { keyName } from '../../core/custody/custody-log.ts';

export const keyShow: Command = {
  path: ['key', 'show'],
  summary: "the workstation's signing-key fingerprint, for recipients to pin",
  usage: 'custody key show [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const doc = await viaCore(() => {
      const vault = ctx.core.vault();
      const key = workstationKey(vault);
      return {
        algorithm: 'Ed25519',
        fingerprint: key.fingerprint,
        publicKey: key.publicKey.toString('base64'),
        keyName: keyName(vault.vaultId),
      };
    });
    ctx.print(
      [
        `Fingerprint (SHA-256 of the public key): ${doc.fingerprint}`,
        `Public key (Ed25519, base64):            ${doc.publicKey}`,
        `Key name (custody log checkpoints):      ${doc.keyName}`,
      ].join('\n'),
      doc,
    );
    return EXIT_OK;
  },
};
