import { defineMessage } from '@formatjs/intl';
// `custody reporter set|show`: the reporting organisation, kept in the vault, named by every
// CyberTipline draft.
import { call, type Command } from '../command.ts';
import { usageOf, EXIT_OK, EXIT_NO } from '../exit.ts';
import { Human } from '../safe-output.ts';
import { key, ltr, type CliText } from '../cli-intl.ts';
import type { ReporterProfile } from '../../../shared/domain/reporter.ts';

function describe(text: CliText, p: ReporterProfile): Human {
  const t = text.t.bind(text);
  return Human.lines(
    t(
      { id: 'cli.reporter.organisation', defaultMessage: '{organisation}' },
      {
        organisation: p.organisation,
      },
    ),
    t(
      {
        id: 'cli.reporter.contact',
        defaultMessage:
          '  contact: {name} <{email}>{hasPhone, select, yes {  phone: {phone}} other {}}',
      },
      {
        name: p.contactName,
        email: ltr(p.email),
        hasPhone: key(!!p.phone),
        phone: ltr(p.phone ?? ''),
      },
    ),
    !!p.termsOfServiceUrl &&
      t(
        { id: 'cli.reporter.terms', defaultMessage: '  terms of service: {url}' },
        { url: ltr(p.termsOfServiceUrl) },
      ),
    !!p.legalUrl &&
      t({ id: 'cli.reporter.legal', defaultMessage: '  legal: {url}' }, { url: ltr(p.legalUrl) }),
  );
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
    if (!organisation || !contactName || !email) throw usageOf(this.usage);
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
    ctx.print(describe(ctx.text, profile), profile);
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
      profile
        ? describe(ctx.text, profile)
        : ctx.text.t(
            {
              id: 'cli.reporter.none',
              defaultMessage: 'No reporter profile yet: run `{command}`.',
            },
            { command: ltr('custody reporter set') },
          ),
      {
        profile,
      },
    );
    return profile ? EXIT_OK : EXIT_NO;
  },
};
