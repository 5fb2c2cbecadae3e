import { defineMessage } from '@formatjs/intl';
// `custody verify PACKET`: for recipients. Opens no vault, looks for none: only the packet, and
// an age identity or passphrase when it is encrypted. Exit 0 valid and signed by the pinned key,
// 1 invalid, 2 unusable input, 3 valid but signed by a key not pinned (so by anyone at all).
import { takeSecretEnv } from '../../core/vault/child-env.ts';
import type { Command } from '../command.ts';
import { call, CommandError } from '../command.ts';
import { UsageError, EXIT_OK, EXIT_NO, EXIT_UNPINNED } from '../exit.ts';
import { readPassphraseFile } from '../passphrase.ts';
import { safe } from '../safe-output.ts';
import type { Response } from '../../../shared/contract/index.ts';

type Verdict = Response<'packets:verify'>;

function headline(v: Verdict): string {
  const key = v.fingerprint ?? '(none)';
  if (!v.valid)
    return `INVALID: ${v.problems.length} problem${v.problems.length === 1 ? '' : 's'} found.`;
  if (!v.keyPinned)
    return [
      `VALID but key NOT PINNED: signed by ${key}.`,
      'The packet is intact, but anyone could have signed it: anyone can make a packet like this with a key of their own.',
      `Confirm this fingerprint with the sender by another channel, then run again with --key ${key}.`,
    ].join('\n');
  return `VALID: signed by the pinned key ${key}.`;
}

export function describeVerdict(v: Verdict): string {
  const lines = [headline(v)];
  // Names and messages come from the packet: they are escaped, never obeyed.
  for (const p of v.problems) lines.push(safe`  [${p.code}] ${p.message}`);
  if (v.items.length) {
    lines.push('', safe`Packet ${v.packetId ?? '?'}, ${v.items.length} items:`);
    for (const i of v.items)
      lines.push(safe`  ${i.status.toUpperCase().padEnd(11)} ${i.id}  ${i.sha256}  ${i.name}`);
  }
  return lines.join('\n');
}

async function packetPassphrase(v: Record<string, unknown>): Promise<string | undefined> {
  // No vault is opened here, so the global --passphrase-file can only mean the packet's.
  const file = v['packet-passphrase-file'] ?? v['passphrase-file'];
  if (typeof file === 'string') return readPassphraseFile(file);
  return takeSecretEnv('CUSTODY_PACKET_PASSPHRASE');
}

export const verify: Command = {
  path: ['verify'],
  summary: defineMessage({
    id: 'cli.verify.summary',
    defaultMessage: 'check a packet: signature, every hash, custody entries (no vault needed)',
  }),
  usage:
    'custody verify PACKET [--key FINGERPRINT] [--identity AGE_KEY_FILE | --packet-passphrase-file F] [--json]',
  options: {
    key: { type: 'string' },
    identity: { type: 'string' },
    'packet-passphrase-file': { type: 'string' },
  },
  unlock: false,
  async run(ctx, v, pos) {
    const [packet, ...rest] = pos;
    if (!packet || rest.length) throw new UsageError(`Usage: ${this.usage}`);
    const key = typeof v['key'] === 'string' ? v['key'] : undefined;
    if (key !== undefined && !/^[0-9a-fA-F:\s]{64,}$/.test(key))
      throw new UsageError('--key takes the signing key fingerprint: 64 hex digits.');
    const identity = typeof v['identity'] === 'string' ? v['identity'] : undefined;
    const passphrase = await packetPassphrase(v);
    let verdict: Verdict;
    try {
      // Through the dispatcher, as the app asks: the same contract checks the same request.
      // The CLI's user is trusted with paths; they reach the core as handles, as the app's do.
      verdict = await call(ctx, 'packets:verify', {
        packet: ctx.core.paths.grant(packet, 'packet-in').handle,
        ...(key !== undefined ? { key } : {}),
        ...(identity !== undefined
          ? { identity: ctx.core.paths.grant(identity, 'identity').handle }
          : {}),
        ...(passphrase !== undefined ? { passphrase } : {}),
      });
    } catch (e) {
      // Whatever stops the check before a verdict (not a ZIP, wrong identity) is unusable input.
      throw new CommandError('INVALID_INPUT', e instanceof Error ? e.message : String(e));
    }
    ctx.print(describeVerdict(verdict), verdict);
    if (!verdict.valid) return EXIT_NO;
    return verdict.keyPinned ? EXIT_OK : EXIT_UNPINNED;
  },
};
