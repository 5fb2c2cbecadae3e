// The words for the domain's fixed values (case kinds, harm categories of the default scheme,
// severities) in the interface's language. The codes stay in shared/domain; a category from
// another scheme shows the label it was stored with.
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { CaseKind } from '../../shared/domain/case.ts';

const kinds = defineMessages({
  'child-safety': { id: 'kind.childSafety', defaultMessage: 'Child safety' },
  terrorism: { id: 'kind.terrorism', defaultMessage: 'Terrorism / violent extremism' },
  'threat-of-violence': { id: 'kind.threatOfViolence', defaultMessage: 'Threat of violence' },
  'self-harm': { id: 'kind.selfHarm', defaultMessage: 'Self-harm' },
  harassment: { id: 'kind.harassment', defaultMessage: 'Harassment' },
  disinformation: { id: 'kind.disinformation', defaultMessage: 'Disinformation' },
  doxxing: { id: 'kind.doxxing', defaultMessage: 'Doxxing' },
  other: { id: 'kind.other', defaultMessage: 'Other' },
});

const categories = defineMessages({
  'child-safety': { id: 'category.childSafety', defaultMessage: 'Child safety' },
  terrorism: { id: 'category.terrorism', defaultMessage: 'Terrorism / violent extremism' },
  'threat-of-violence': { id: 'category.threatOfViolence', defaultMessage: 'Threat of violence' },
  'self-harm': { id: 'category.selfHarm', defaultMessage: 'Self-harm' },
  harassment: { id: 'category.harassment', defaultMessage: 'Harassment' },
  disinformation: { id: 'category.disinformation', defaultMessage: 'Disinformation' },
  doxxing: { id: 'category.doxxing', defaultMessage: 'Doxxing' },
  other: { id: 'category.other', defaultMessage: 'Other harm' },
  'not-actionable': { id: 'category.notActionable', defaultMessage: 'Not actionable' },
});

const severities = defineMessages({
  1: { id: 'severity.1', defaultMessage: 'Low' },
  2: { id: 'severity.2', defaultMessage: 'Moderate' },
  3: { id: 'severity.3', defaultMessage: 'Serious' },
  4: { id: 'severity.4', defaultMessage: 'Severe' },
  5: { id: 'severity.5', defaultMessage: 'Critical' },
});

export function caseKindLabel(intl: IntlShape, kind: CaseKind): string {
  return intl.formatMessage(kinds[kind]);
}

/** A category of the default scheme in the interface's language; any other by its stored label. */
export function categoryLabel(intl: IntlShape, category: { code: string; label: string }): string {
  const known: MessageDescriptor | undefined = (
    categories as Partial<Record<string, MessageDescriptor>>
  )[category.code];
  return known ? intl.formatMessage(known) : category.label;
}

export function severityLabel(intl: IntlShape, severity: number): string {
  const known: MessageDescriptor | undefined = (
    severities as Partial<Record<number, MessageDescriptor>>
  )[severity];
  return known ? intl.formatMessage(known) : String(severity);
}
