import { defineMessage } from '@formatjs/intl';
// `custody key show`: the workstation's keys (the signing key a recipient pins with `custody verify
// --key`, the age recipient colleagues send handoffs to) and the one short fingerprint over both.
// `custody key card --out FILE`: the same as a signed workstation card for colleagues.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { call, type Command } from '../command.ts';
import { EXIT_OK, usageOf } from '../exit.ts';
import { Human } from '../safe-output.ts';
import { key, ltr } from '../cli-intl.ts';
import { cannotWriteError, outExistsError } from '../../core/input-errors.ts';
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
    const t = ctx.text.t.bind(ctx.text);
    ctx.print(
      Human.lines(
        t(
          {
            id: 'cli.key.workstation',
            defaultMessage: 'Workstation fingerprint (compare aloud):  {fingerprint}',
          },
          { fingerprint: ltr(doc.workstationFingerprint) },
        ),
        t(
          {
            id: 'cli.key.reviewer',
            defaultMessage:
              'Reviewer:                                {named, select, yes {{name}} other {(no name set)}}',
          },
          { named: key(doc.reviewer !== null), name: doc.reviewer ?? '' },
        ),
        t(
          {
            id: 'cli.key.signingKey',
            defaultMessage: 'Signing key (Ed25519, base64):            {key}',
          },
          { key: ltr(doc.publicKey) },
        ),
        t(
          {
            id: 'cli.key.ageRecipient',
            defaultMessage: 'Age recipient (handoffs):                 {recipient}',
          },
          { recipient: ltr(doc.ageRecipient) },
        ),
        t(
          {
            id: 'cli.key.fingerprint',
            defaultMessage: 'Signing-key SHA-256 ({command}): {fingerprint}',
          },
          { command: ltr('custody verify --key'), fingerprint: ltr(doc.fingerprint) },
        ),
        t(
          {
            id: 'cli.key.keyName',
            defaultMessage: 'Key name (custody log checkpoints):      {name}',
          },
          { name: ltr(doc.keyName) },
        ),
      ),
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
    if (typeof v['out'] !== 'string') throw usageOf(this.usage);
    const out = resolve(v['out']);
    const { card, file } = await call(ctx, 'key:card', {});
    await viaCore(async () => {
      try {
        await writeFile(out, file, { flag: 'wx', mode: 0o644 });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw code === 'EEXIST' ? outExistsError(out) : cannotWriteError(out, code ?? 'error');
      }
    });
    const written = ctx.text.t(
      {
        id: 'cli.key.cardWritten',
        defaultMessage: 'Card for {name} written to {file}. Fingerprint: {fingerprint}',
      },
      { name: card.name, file: ltr(out), fingerprint: ltr(card.fingerprint) },
    );
    ctx.print(written, {
      out,
      ...card,
    });
    return EXIT_OK;
  },
};
