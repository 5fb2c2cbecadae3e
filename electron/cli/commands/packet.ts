import { defineMessage } from '@formatjs/intl';
// `custody packet build`: a signed packet for an agency or an escalation, optionally encrypted to
// an age recipient or a passphrase. Progress on stderr; the summary (or --json) on stdout.
import { resolve } from 'node:path';
import { requireCase, viaCore, type Command } from '../command.ts';
import { UsageError, usageOf, EXIT_OK } from '../exit.ts';
import { readPassphraseFile } from '../passphrase.ts';
import {
  buildPacket,
  type PacketProgress,
  type PacketRecipient,
} from '../../core/packets/index.ts';
import { Human, safe } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';
import { commaList } from '../comma-list.ts';
import { isReportLang, reportLangs } from '../../core/packets/report-words.ts';

async function recipient(v: Record<string, unknown>): Promise<PacketRecipient | undefined> {
  const to = v['recipient'];
  const file = v['packet-passphrase-file'];
  if (typeof to === 'string' && typeof file === 'string')
    throw new UsageError('Give --recipient or --packet-passphrase-file, not both.');
  if (typeof to === 'string') return { ageRecipient: to };
  if (typeof file === 'string')
    return { passphrase: await readPassphraseFile(file, 'packet passphrase') };
  return undefined;
}

function progressLine(ctx: {
  text: CliText;
  progress(line: string): void;
}): (p: PacketProgress) => void {
  let lastPercent = -1;
  return (p) => {
    if (p.phase !== 'writing') {
      const phase = ctx.text.t(
        {
          id: 'cli.packet.phase',
          defaultMessage:
            '{phase, select, collecting {collecting...} report {report...} other {done...}}',
        },
        { phase: key(p.phase) },
      );
      ctx.progress(phase.text);
      return;
    }
    const percent = p.bytesTotal ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
    if (percent >= lastPercent + 5 || (percent === 100 && lastPercent !== 100)) {
      lastPercent = percent;
      const line = ctx.text.t(
        {
          id: 'cli.packet.writing',
          defaultMessage: 'writing {percent}% ({done} of {total} bytes)',
        },
        { percent: ltr(percent), done: ltr(p.bytesDone), total: ltr(p.bytesTotal) },
      );
      ctx.progress(line.text);
    }
  };
}

export const packetBuild: Command = {
  path: ['packet', 'build'],
  summary: defineMessage({
    id: 'cli.packet.build.summary',
    defaultMessage: 'build a signed packet of a case for an agency (optionally age-encrypted)',
  }),
  usage:
    'custody packet build --case ID [--items ID,...] --out FILE [--agency A] [--reference R] [--no-originals] [--thumbnails] [--no-notes] [--with-parents] [--recipient AGE_RECIPIENT | --packet-passphrase-file F] [--report-lang en|ar|fa|ru] [--json]',
  options: {
    case: { type: 'string' },
    items: { type: 'string' },
    out: { type: 'string' },
    agency: { type: 'string' },
    reference: { type: 'string' },
    'no-originals': { type: 'boolean' },
    thumbnails: { type: 'boolean' },
    'no-notes': { type: 'boolean' },
    'with-parents': { type: 'boolean' },
    recipient: { type: 'string' },
    'packet-passphrase-file': { type: 'string' },
    'report-lang': { type: 'string' },
  },
  unlock: true,
  async run(ctx, v) {
    const caseId = requireCase(v, this.usage);
    const out = v['out'];
    if (typeof out !== 'string') throw usageOf(this.usage);
    const to = await recipient(v);
    const lang = typeof v['report-lang'] === 'string' ? v['report-lang'] : 'en';
    if (!isReportLang(lang))
      throw new UsageError(safe`--report-lang is one of ${reportLangs.join(', ')}, not "${lang}".`);
    const built = await viaCore(() =>
      buildPacket(ctx.core.vault(), {
        caseId,
        itemIds: commaList(v['items']),
        out: resolve(out),
        agency: typeof v['agency'] === 'string' ? v['agency'] : undefined,
        reference: typeof v['reference'] === 'string' ? v['reference'] : undefined,
        includeOriginals: v['no-originals'] !== true,
        includeThumbnails: v['thumbnails'] === true,
        includeNotes: v['no-notes'] !== true,
        includeParents: v['with-parents'] === true,
        recipient: to,
        onProgress: progressLine(ctx),
        reportLang: lang,
      }),
    );
    ctx.print(
      Human.lines(
        ctx.text.t(
          {
            id: 'cli.packet.written',
            defaultMessage:
              'Packet {id} written to {file} ({bytes, plural, one {# byte} other {# bytes}}).',
          },
          { id: ltr(built.packetId), file: ltr(built.out), bytes: built.bytes },
        ),
        ctx.text.t(
          {
            id: 'cli.packet.contents',
            defaultMessage:
              '  {items, plural, one {# item} other {# items}}, {originals, plural, one {# original} other {# originals}} included{encrypted, select, none {} other {, encrypted ({how})}}.',
          },
          {
            items: built.items,
            originals: built.originals,
            encrypted: key(built.encrypted === 'none' ? 'none' : 'yes'),
            how: ltr(built.encrypted),
          },
        ),
        ctx.text.t(
          { id: 'cli.packet.signed', defaultMessage: '  Signed by key {fingerprint}.' },
          { fingerprint: ltr(built.fingerprint) },
        ),
        ctx.text.t(
          {
            id: 'cli.packet.checkpoint',
            defaultMessage:
              '  Custody checkpoint: {size, plural, one {# entry} other {# entries}}, root {root}.',
          },
          { size: built.checkpoint.treeSize, root: ltr(built.checkpoint.root) },
        ),
        ctx.text.t(
          {
            id: 'cli.packet.verifyHint',
            defaultMessage: 'The recipient checks it with: {command}',
          },
          { command: ltr(`custody verify PACKET --key ${built.fingerprint}`) },
        ),
      ),
      built,
    );
    return EXIT_OK;
  },
};
