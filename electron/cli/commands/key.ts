// `custody key show`: the workstation's signing key, which a recipient pins (`custody verify --key`).
import { call, type Command } from '../command.ts';
import { EXIT_OK } from '../exit.ts';

export const keyShow: Command = {
  path: ['key', 'show'],
  summary: "the workstation's signing-key fingerprint, for recipients to pin",
  usage: 'custody key show [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const doc = await call(ctx, 'key:show', {});
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
