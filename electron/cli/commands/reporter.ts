import { defineMessage } from '@formatjs/intl';
// `custody reporter set|show`: the reporting organisation, kept in the vault, named by every
// CyberTipline draft.
import { call, type Command } from '../command.ts';
import { UsageError, EXIT_OK, EXIT_NO } from '../exit.ts';
import { safe } from '../safe-output.ts';
import type { ReporterProfile } from '../../../shared/domain/reporter.ts';

function describe(p: ReporterProfile): string {
  return [
    safe`${p.organisation}`,
    safe`  contact: ${p.contactName} <${p.email}>${p.phone ? `  phone: ${p.phone}` : ''}`,
    ...(p.termsOfServiceUrl ? [safe`  terms of service: ${p.termsOfServiceUrl}`] : []),
    ...(p.legalUrl ? [safe`  legal: ${p.legalUrl}`] : []),
  ].join('\n');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const reporterSet: Command = {
  path: ['reporter', 'set'],
  summary: defineMessage({
    id: 'cli.reporter.set.summary',
    defaultMessage: 'set the reporting organisation named in CyberTipline drafts',
  }),
  usage:
    'custody reporter set --org NAME --contact NAME --email ADDR [--phone P] [--tos URL] [--legal-url URL] [--json]',
  options: {
    org: { type: 'string' },
    contact: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    tos: { type: 'string' },
    'legal-url': { type: 'string' },
  },
  unlock: true,
  async run(ctx, v) {
    const organisation = str(v['org']);
    const contactName = str(v['contact']);
    const email = str(v['email']);
    if (!organisation || !contactName || !email) throw new UsageError(`Usage: ${this.usage}`);
    const phone = str(v['phone']);
    const tos = str(v['tos']);
    const legal = str(v['legal-url']);
    const profile = await call(ctx, 'exports:reporter-set', {
      organisation,
      contactName,
      email,
      ...(phone !== undefined ? { phone } : {}),
      ...(tos !== undefined ? { termsOfServiceUrl: tos } : {}),
      ...(legal !== undefined ? { legalUrl: legal } : {}),
    });
    ctx.print(describe(profile), profile);
    return EXIT_OK;
  },
};

export const reporterShow: Command = {
  path: ['reporter', 'show'],
  summary: defineMessage({
    id: 'cli.reporter.show.summary',
    defaultMessage: 'show the reporter profile',
  }),
  usage: 'custody reporter show [--json]',
  unlock: true,
  readOnly: true,
  async run(ctx) {
    const { profile } = await call(ctx, 'exports:reporter-get', {});
    ctx.print(
      profile ? describe(profile) : 'No reporter profile yet: run `custody reporter set`.',
      {
        profile,
      },
    );
    return profile ? EXIT_OK : EXIT_NO;
  },
};
