// The reporter profile's form (the fields of `custody reporter set`): what the inputs hold, and the
// profile they make. The shared schema validates, so the form and the core never disagree.
import type { IntlShape } from 'react-intl';
import { reporterProfileSchema, type ReporterProfile } from '../../../shared/domain/reporter.ts';

export interface ReporterFormValues {
  organisation: string;
  contactName: string;
  email: string;
  phone: string;
  termsOfServiceUrl: string;
  legalUrl: string;
}
export type ReporterField = keyof ReporterFormValues;
export type ReporterErrors = Partial<Record<ReporterField, string>>;

export const reporterFields: readonly ReporterField[] = [
  'organisation',
  'contactName',
  'email',
  'phone',
  'termsOfServiceUrl',
  'legalUrl',
];

export function reporterFormFrom(p: ReporterProfile | null): ReporterFormValues {
  return {
    organisation: p?.organisation ?? '',
    contactName: p?.contactName ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    termsOfServiceUrl: p?.termsOfServiceUrl ?? '',
    legalUrl: p?.legalUrl ?? '',
  };
}

function errorFor(intl: IntlShape, field: ReporterField): string {
  const t = intl.formatMessage;
  switch (field) {
    case 'organisation':
      return t({ id: 'reporter.error.organisation', defaultMessage: 'Name the organisation.' });
    case 'contactName':
      return t({ id: 'reporter.error.contact', defaultMessage: 'Name the contact person.' });
    case 'email':
      return t({
        id: 'reporter.error.email',
        defaultMessage: 'Give an e-mail address such as safety@example.org.',
      });
    case 'phone':
      return t({ id: 'reporter.error.phone', defaultMessage: 'This phone number is too long.' });
    case 'termsOfServiceUrl':
    case 'legalUrl':
      return t({
        id: 'reporter.error.url',
        defaultMessage: 'Give a full address starting with https://, or leave it empty.',
      });
  }
}

export type ReporterResult =
  { ok: true; profile: ReporterProfile } | { ok: false; errors: ReporterErrors };

export function validateReporter(intl: IntlShape, v: ReporterFormValues): ReporterResult {
  // Empty optional fields are left out, not sent as "".
  const optional = (value: string) => value.trim() || undefined;
  const candidate = {
    organisation: v.organisation,
    contactName: v.contactName,
    email: v.email.trim(),
    phone: optional(v.phone),
    termsOfServiceUrl: optional(v.termsOfServiceUrl),
    legalUrl: optional(v.legalUrl),
  };
  const parsed = reporterProfileSchema.safeParse(
    Object.fromEntries(Object.entries(candidate).filter(([, x]) => x !== undefined)),
  );
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors: ReporterErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ReporterField | undefined;
    if (field && !errors[field]) errors[field] = errorFor(intl, field);
  }
  return { ok: false, errors };
}
