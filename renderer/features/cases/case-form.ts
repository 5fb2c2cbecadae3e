// The case form's values (what the inputs hold) and their conversion to and from the contract's
// fields. Validation is the shared schema's, so the form and main can never disagree.
import type { IntlShape } from 'react-intl';
import {
  caseFieldsSchema,
  type Case,
  type CaseKind,
  type IncidentRef,
  type ReportedAccount,
  type ValidCaseFields,
} from '../../../shared/domain/case.ts';

export interface CaseFormValues {
  title: string;
  kind: CaseKind | '';
  emergency: boolean;
  /** Language tags as typed: "ar, fa, ru". */
  languages: string;
  /** One reference per line. */
  externalRefs: string;
  notes: string;
  /** The structured fields the exports read, edited as lists in their own fieldset. */
  reportedAccounts: ReportedAccount[];
  incidents: IncidentRef[];
  /** ISO 8601 with offset, or empty when unknown. */
  incidentAt: string;
}

export type CaseFormField = keyof CaseFormValues;
export type CaseFormErrors = Partial<Record<CaseFormField, string>>;

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
    reportedAccounts: c.reportedAccounts,
    incidents: c.incidents,
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

function fieldError(intl: IntlShape, field: CaseFormField, tooLong: boolean): string {
  const t = intl.formatMessage;
  if (field === 'kind')
    return t({ id: 'cases.form.error.kind', defaultMessage: 'Choose the kind of case.' });
  if (field === 'languages')
    return t({
      id: 'cases.form.error.languages',
      defaultMessage: 'Use language codes such as ar, fa, ru or en, separated by commas.',
    });
  if (field === 'incidentAt')
    return t({
      id: 'cases.form.error.incidentAt',
      defaultMessage: 'Give the time as 2026-03-01T14:30:00Z, or leave it empty.',
    });
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
    reportedAccounts: values.reportedAccounts,
    incidents: values.incidents,
    incidentAt: values.incidentAt.trim() || null,
  });
  if (parsed.success) return { ok: true, fields: parsed.data };
  const errors: CaseFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CaseFormField | undefined;
    if (!field || errors[field]) continue;
    errors[field] = fieldError(intl, field, issue.code === 'too_big');
  }
  return { ok: false, errors };
}
