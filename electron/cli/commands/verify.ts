import { defineMessage } from '@formatjs/intl';
// `custody verify PACKET`: for recipients. Opens no vault, looks for none: only the packet, and
// an age identity or passphrase when it is encrypted. Exit 0 valid and signed by the pinned key,
// 1 invalid, 2 unusable input, 3 valid but signed by a key not pinned (so by anyone at all).
import { takeSecretEnv } from '../../core/vault/child-env.ts';
import type { Command } from '../command.ts';
import { call, CommandError } from '../command.ts';
import { UsageError, usageOf, EXIT_OK, EXIT_NO, EXIT_UNPINNED } from '../exit.ts';
import { readPassphraseFile } from '../passphrase.ts';
import { Human } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';
import type { Response } from '../../../shared/contract/index.ts';

type Verdict = Response<'packets:verify'>;

function headline(text: CliText, v: Verdict): Human {
  const t = text.t.bind(text);
  const signer = v.fingerprint
    ? ltr(v.fingerprint)
    : t({ id: 'cli.verify.noKey', defaultMessage: '(none)' });
  if (!v.valid)
    return t(
      {
        id: 'cli.verify.invalid',
        defaultMessage: 'INVALID: {count, plural, one {# problem} other {# problems}} found.',
      },
      { count: v.problems.length },
    );
  if (!v.keyPinned)
    return Human.lines(
      t(
        {
          id: 'cli.verify.unpinned',
          defaultMessage: 'VALID but key NOT PINNED: signed by {fingerprint}.',
        },
        { fingerprint: signer },
      ),
      t({
        id: 'cli.verify.unpinned.anyone',
        defaultMessage:
          'The packet is intact, but anyone could have signed it: anyone can make a packet like this with a key of their own.',
      }),
      t(
        {
          id: 'cli.verify.unpinned.confirm',
          defaultMessage:
            'Confirm this fingerprint with the sender by another channel, then run again with {option}.',
        },
        { option: ltr(`--key ${v.fingerprint ?? ''}`) },
      ),
    );
  return t(
    { id: 'cli.verify.valid', defaultMessage: 'VALID: signed by the pinned key {fingerprint}.' },
    { fingerprint: signer },
  );
}

const statusKeys: Record<Verdict['items'][number]['status'], string> = {
  ok: 'ok',
  'hashes-only': 'hashesOnly',
  missing: 'missing',
  altered: 'altered',
  unreadable: 'unreadable',
};

export function describeVerdict(text: CliText, v: Verdict): Human {
  const t = text.t.bind(text);
  const items = v.items.map((i) => {
    const status = t(
      {
        id: 'cli.verify.itemStatus',
        defaultMessage:
          '{status, select, ok {OK} hashesOnly {HASHES-ONLY} missing {MISSING} altered {ALTERED} other {UNREADABLE}}',
      },
      { status: key(statusKeys[i.status]) },
    );
    return t(
      { id: 'cli.verify.item', defaultMessage: '  {status} {id}  {sha256}  {name}' },
      {
        status: new Human(status.text.padEnd(11)),
        id: ltr(i.id),
        sha256: ltr(i.sha256),
        name: i.name,
      },
    );
  });
  return Human.lines(
    headline(text, v),
    // Names and messages come from the packet: they are escaped, never obeyed.
    ...v.problems.map((p) =>
      t(
        { id: 'cli.verify.problem', defaultMessage: '  [{code}] {problem}' },
        { code: ltr(p.code), problem: text.problem(p) },
      ),
    ),
    ...(v.items.length
      ? [
          new Human(''),
          t(
            {
              id: 'cli.verify.items',
              defaultMessage: 'Packet {id}, {count, plural, one {# item} other {# items}}:',
            },
            { id: ltr(v.packetId ?? '?'), count: v.items.length },
          ),
          ...items,
        ]
      : []),
  );
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
    if (!packet || rest.length) throw usageOf(this.usage);
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
      // The cause's params go along, so its sentence can be said in the reviewer's language.
      if (e instanceof CommandError) throw new CommandError('INVALID_INPUT', e.message, e.params);
      throw new CommandError('INVALID_INPUT', e instanceof Error ? e.message : String(e));
    }
    ctx.print(describeVerdict(ctx.text, verdict), verdict);
    if (!verdict.valid) return EXIT_NO;
    return verdict.keyPinned ? EXIT_OK : EXIT_UNPINNED;
  },
};
