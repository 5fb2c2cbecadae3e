// The case form's values (what the inputs hold) and their conversion to and from the contract's
// fields. Validation is the shared schema's, so the form and main can never disagree.
import type { IntlShape } from 'react-intl';
import {
  caseFieldsSchema,
  type Case,
  type CaseKind,
  type IncidentRef,
  type IpCapture,
  type ReportedAccount,
  type ValidCaseFields,
} from '../../../shared/domain/case.ts';

export type IpEventName = NonNullable<IpCapture['eventName']>;

/** An IP address the account was seen at, as typed; port and proxy flag (CLI only) ride along. */
export interface IpRow {
  ipAddress: string;
  eventName: IpEventName | '';
  at: string;
  port?: number | undefined;
  possibleProxy?: boolean | undefined;
}

/** A reported account as typed: empty strings are fields left out. */
export interface AccountRow {
  screenName: string;
  displayName: string;
  profileUrl: string;
  espIdentifier: string;
  ipCaptures: IpRow[];
}

export interface IncidentRow {
  kind: IncidentRef['kind'];
  value: string;
  at: string;
}

export interface CaseFormValues {
  title: string;
  kind: CaseKind | '';
  emergency: boolean;
  /** Language tags as typed: "ar, fa, ru". */
  languages: string;
  /** One reference per line. */
  externalRefs: string;
  notes: string;
  /** The structured fields the exports read, edited as rows in their own fieldsets. */
  reportedAccounts: AccountRow[];
  incidents: IncidentRow[];
  /** ISO 8601 with offset, or empty when unknown. */
  incidentAt: string;
}

export type CaseFormField = keyof CaseFormValues;
/**
 * Errors by field, or for a row's input by its path ("reportedAccounts.0.profileUrl",
 * "incidents.1.at"); the inputs carry the same path as their name.
 */
export type CaseFormErrors = Partial<Record<CaseFormField | (string & {}), string>>;

export const emptyAccount = (): AccountRow => ({
  screenName: '',
  displayName: '',
  profileUrl: '',
  espIdentifier: '',
  ipCaptures: [],
});
export const emptyIp = (): IpRow => ({ ipAddress: '', eventName: '', at: '' });
export const emptyIncident = (): IncidentRow => ({ kind: 'web-page', value: '', at: '' });

const ipRowFrom = (ip: IpCapture): IpRow => ({
  ...ip,
  eventName: ip.eventName ?? '',
  at: ip.at ?? '',
});

const accountRowFrom = (a: ReportedAccount): AccountRow => ({
  screenName: a.screenName ?? '',
  displayName: a.displayName ?? '',
  profileUrl: a.profileUrl ?? '',
  espIdentifier: a.espIdentifier ?? '',
  ipCaptures: a.ipCaptures.map(ipRowFrom),
});

/** The typed value, trimmed, or nothing when empty (the schema's optional fields). */
function present<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const v = value.trim();
  return v ? ({ [key]: v } as Record<K, string>) : {};
}

function ipFrom(row: IpRow): unknown {
  const { ipAddress, eventName, at, ...rest } = row;
  return {
    ...rest,
    ipAddress: ipAddress.trim(),
    ...present('eventName', eventName),
    ...present('at', at),
  };
}

function accountFrom(row: AccountRow): unknown {
  return {
    ...present('screenName', row.screenName),
    ...present('displayName', row.displayName),
    ...present('profileUrl', row.profileUrl),
    ...present('espIdentifier', row.espIdentifier),
    ipCaptures: row.ipCaptures.map(ipFrom),
  };
}

const incidentFrom = (row: IncidentRow): unknown => ({
  kind: row.kind,
  value: row.value.trim(),
  ...present('at', row.at),
});

export function emptyCaseForm(): CaseFormValues {
  return {
    title: '',
    kind: '',
    emergency: false,
    languages: '',
    externalRefs: '',
    notes: '',
    reportedAccounts: [],
    incidents: [],
    incidentAt: '',
  };
}

export function caseFormFrom(c: Case): CaseFormValues {
  return {
    title: c.title,
    kind: c.kind,
    emergency: c.emergency,
    languages: c.languages.join(', '),
    externalRefs: c.externalRefs.join('\n'),
    notes: c.notes,
    reportedAccounts: c.reportedAccounts.map(accountRowFrom),
    incidents: c.incidents.map((i) => ({ kind: i.kind, value: i.value, at: i.at ?? '' })),
    incidentAt: c.incidentAt ?? '',
  };
}

/** Commas (Latin or Arabic) or spaces separate tags; duplicates collapse. */
export function parseLanguages(text: string): string[] {
  const tags = text
    .split(/[\s,،;]+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags.map((t) => t.toLowerCase()))];
}

export function toggleLanguage(text: string, tag: string): string {
  const tags = parseLanguages(text);
  const next = tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
  return next.join(', ');
}

export function parseRefs(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return [...new Set(lines)];
}

const timeError = (intl: IntlShape) =>
  intl.formatMessage({
    id: 'cases.form.error.incidentAt',
    defaultMessage: 'Give the time as 2026-03-01T14:30:00Z, or leave it empty.',
  });

/** The words for a row's input: `leaf` is its key ("profileUrl"), undefined for the row itself. */
function rowError(intl: IntlShape, leaf: string | undefined, tooLong: boolean): string {
  const t = intl.formatMessage;
  if (tooLong) return t({ id: 'cases.form.error.tooLong', defaultMessage: 'This is too long.' });
  switch (leaf) {
    case undefined:
      return t({
        id: 'cases.form.error.account',
        defaultMessage: 'Give at least a screen name, display name, profile URL or service id.',
      });
    case 'profileUrl':
      return t({
        id: 'cases.form.error.url',
        defaultMessage: 'Give a full address starting with https://, or leave it empty.',
      });
    case 'at':
      return timeError(intl);
    case 'ipAddress':
      return t({
        id: 'cases.form.error.ip',
        defaultMessage: 'Give an IPv4 or IPv6 address, such as 192.0.2.7.',
      });
    case 'value':
      return t({
        id: 'cases.form.error.incidentValue',
        defaultMessage: 'Fill this in, or remove the row.',
      });
    default:
      return t({ id: 'cases.form.error.invalid', defaultMessage: 'This value is not accepted.' });
  }
}

function fieldError(intl: IntlShape, field: CaseFormField, tooLong: boolean): string {
  const t = intl.formatMessage;
  if (field === 'kind')
    return t({ id: 'cases.form.error.kind', defaultMessage: 'Choose the kind of case.' });
  if (field === 'languages')
    return t({
      id: 'cases.form.error.languages',
      defaultMessage: 'Use language codes such as ar, fa, ru or en, separated by commas.',
    });
  if (field === 'incidentAt') return timeError(intl);
  if (tooLong) return t({ id: 'cases.form.error.tooLong', defaultMessage: 'This is too long.' });
  if (field === 'title')
    return t({ id: 'cases.form.error.title', defaultMessage: 'A case needs a title.' });
  return t({ id: 'cases.form.error.invalid', defaultMessage: 'This value is not accepted.' });
}

export type CaseFormResult =
  { ok: true; fields: ValidCaseFields } | { ok: false; errors: CaseFormErrors };

export function validateCaseForm(intl: IntlShape, values: CaseFormValues): CaseFormResult {
  const parsed = caseFieldsSchema.safeParse({
    title: values.title,
    kind: values.kind,
    emergency: values.emergency,
    languages: parseLanguages(values.languages),
    externalRefs: parseRefs(values.externalRefs),
    notes: values.notes,
    reportedAccounts: values.reportedAccounts.map(accountFrom),
    incidents: values.incidents.map(incidentFrom),
    incidentAt: values.incidentAt.trim() || null,
  });
  if (parsed.success) return { ok: true, fields: parsed.data };
  const errors: CaseFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CaseFormField | undefined;
    if (!field) continue;
    const tooLong = issue.code === 'too_big';
    // A row's input: its path names it; a too-long list is the field's own error.
    const inRow =
      (field === 'reportedAccounts' || field === 'incidents') && typeof issue.path[1] === 'number';
    const key = inRow ? issue.path.join('.') : field;
    if (errors[key]) continue;
    const leaf = issue.path.length > 2 ? String(issue.path.at(-1)) : undefined;
    errors[key] = inRow ? rowError(intl, leaf, tooLong) : fieldError(intl, field, tooLong);
  }
  return { ok: false, errors };
}
