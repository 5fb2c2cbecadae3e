import { defineMessage } from '@formatjs/intl';
// `custody colleague add CARD | list | remove FINGERPRINT`: the colleagues this workstation hands
// cases to, each pinned from the signed card they exported with `custody key card`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { call, viaCore, type Command } from '../command.ts';
import { EXIT_OK, usageOf } from '../exit.ts';
import { Human } from '../safe-output.ts';
import { ltr, type CliText } from '../cli-intl.ts';
import { cardUnreadableError } from '../../core/input-errors.ts';
import type { Colleague } from '../../../shared/domain/colleague.ts';

const describe = (text: CliText, c: Colleague) =>
  text.t(
    { id: 'cli.colleague.line', defaultMessage: '{fingerprint}  {name}  (added {at})' },
    { fingerprint: ltr(c.fingerprint), name: c.name, at: ltr(c.addedAt) },
  );

/** The card's text from a file, or from stdin for `-` (a card pasted into a terminal). */
async function readCard(arg: string): Promise<string> {
  if (arg === '-') {
    const parts: Buffer[] = [];
    for await (const piece of process.stdin) parts.push(piece as Buffer);
    return Buffer.concat(parts).toString('utf8');
  }
  const path = resolve(arg);
  return viaCore(async () => {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      throw cardUnreadableError(path, (e as NodeJS.ErrnoException).code ?? 'error');
    }
  });
}

export const colleagueAdd: Command = {
  path: ['colleague', 'add'],
  summary: defineMessage({
    id: 'cli.colleague.add.summary',
    defaultMessage:
      'pin a colleague from their workstation card (compare the fingerprint with them)',
  }),
  usage: 'custody colleague add CARD|- [--json]',
  unlock: true,
  async run(ctx, _v, positionals) {
    const [file, ...rest] = positionals;
    if (!file || rest.length) throw usageOf(this.usage);
    const c = await call(ctx, 'colleagues:add', { card: await readCard(file) });
    const t = ctx.text.t.bind(ctx.text);
    ctx.print(
      Human.lines(
        t({ id: 'cli.colleague.added', defaultMessage: 'Added {name}.' }, { name: c.name }),
        t(
          { id: 'cli.colleague.fingerprint', defaultMessage: 'Fingerprint: {fingerprint}' },
          { fingerprint: ltr(c.fingerprint) },
        ),
        t({
          id: 'cli.colleague.compare',
          defaultMessage:
            'Compare it with your colleague (read it aloud); if it differs, remove them at once.',
        }),
      ),
      c,
    );
    return EXIT_OK;
  },
};

export const colleagueList: Command = {
  path: ['colleague', 'list'],
  summary: defineMessage({
    id: 'cli.colleague.list.summary',
    defaultMessage: 'list pinned colleagues',
  }),
  usage: 'custody colleague list [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const all = await call(ctx, 'colleagues:list', {});
    ctx.print(
      all.length
        ? Human.lines(...all.map((c) => describe(ctx.text, c)))
        : ctx.text.t({ id: 'cli.colleague.none', defaultMessage: 'No colleagues.' }),
      all,
    );
    return EXIT_OK;
  },
};

export const colleagueRemove: Command = {
  path: ['colleague', 'remove'],
  summary: defineMessage({
    id: 'cli.colleague.remove.summary',
    defaultMessage: 'unpin a colleague: bundles from them are refused afterwards',
  }),
  usage: 'custody colleague remove FINGERPRINT [--json]',
  unlock: true,
  async run(ctx, _v, positionals) {
    const [fingerprint, ...rest] = positionals;
    if (!fingerprint || rest.length) throw usageOf(this.usage);
    const done = await call(ctx, 'colleagues:remove', { fingerprint });
    const removed = ctx.text.t(
      { id: 'cli.colleague.removed', defaultMessage: 'Removed {fingerprint}.' },
      { fingerprint: ltr(fingerprint) },
    );
    ctx.print(removed, { fingerprint, ...done });
    return EXIT_OK;
  },
};
