import { defineMessage } from '@formatjs/intl';
// `custody key show`: the workstation's keys (the signing key a recipient pins with `custody verify
// --key`, the age recipient colleagues send handoffs to) and the one short fingerprint over both.
// `custody key card --out FILE`: the same as a signed workstation card for colleagues.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { call, type Command } from '../command.ts';
import { EXIT_OK, UsageError } from '../exit.ts';
import { safe } from '../safe-output.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { viaCore } from '../command.ts';

export const keyShow: Command = {
  path: ['key', 'show'],
  summary: defineMessage({
    id: 'cli.key.show.summary',
    defaultMessage: "the workstation's public keys and fingerprint, for recipients and colleagues",
  }),
  usage: 'custody key show [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const doc = await call(ctx, 'key:show', {});
    ctx.print(
      [
        `Workstation fingerprint (compare aloud):  ${doc.workstationFingerprint}`,
        safe`Reviewer:                                ${doc.reviewer ?? '(no name set)'}`,
        `Signing key (Ed25519, base64):            ${doc.publicKey}`,
        `Age recipient (handoffs):                 ${doc.ageRecipient}`,
        `Signing-key SHA-256 (custody verify --key): ${doc.fingerprint}`,
        `Key name (custody log checkpoints):      ${doc.keyName}`,
      ].join('\n'),
      doc,
    );
    return EXIT_OK;
  },
};

export const keyCard: Command = {
  path: ['key', 'card'],
  summary: defineMessage({
    id: 'cli.key.card.summary',
    defaultMessage: "write this workstation's signed card, for colleagues to add",
  }),
  usage: 'custody key card --out FILE [--json]',
  options: { out: { type: 'string' } },
  unlock: true,
  readOnly: true,
  async run(ctx, v) {
    if (typeof v['out'] !== 'string') throw new UsageError(`Usage: ${this.usage}`);
    const out = resolve(v['out']);
    const { card, file } = await call(ctx, 'key:card', {});
    await viaCore(async () => {
      try {
        await writeFile(out, file, { flag: 'wx', mode: 0o644 });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InvalidInputError(
          code === 'EEXIST'
            ? `${out} already exists; choose another name.`
            : `Cannot write ${out} (${code ?? 'error'}).`,
        );
      }
    });
    ctx.print(safe`Card for ${card.name} written to ${out}. Fingerprint: ${card.fingerprint}`, {
      out,
      ...card,
    });
    return EXIT_OK;
  },
};
