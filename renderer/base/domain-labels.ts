// The words for the domain's fixed values (case kinds, harm categories of the default scheme,
// severities, the category schemes and their mapping) in the interface's language. The codes stay
// in shared/domain; the schemes' words are in shared/i18n/scheme-messages.ts.
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { CaseKind } from '../../shared/domain/case.ts';
import { categorySchemes, type CategorySchemeId } from '../../shared/domain/category-schemes.ts';
import {
  categoryDefinitions,
  categoryLabels,
  mappingMessage,
  schemeNames,
} from '../../shared/i18n/scheme-messages.ts';

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

export function schemeName(intl: IntlShape, scheme: CategorySchemeId): string {
  return intl.formatMessage(schemeNames[scheme]);
}

const schemeCategory = (id: string) => {
  const [scheme, code = ''] = id.split(':');
  const found = categorySchemes.find((s) => s.id === scheme);
  return { scheme: found, category: found?.categories.find((c) => c.code === code), code };
};

/**
 * A category of any scheme by its id (`industry:A1`, `custody:harassment`), in the interface's
 * language; an official code (A1) stays itself, an id no scheme knows shows its code.
 */
export function schemeCategoryLabel(intl: IntlShape, id: string): string {
  const { scheme, category, code } = schemeCategory(id);
  if (!category) return code;
  if (scheme?.id === 'custody') return categoryLabel(intl, category);
  const known = categoryLabels[id];
  return known ? intl.formatMessage(known) : category.label;
}

/** What the category covers, in the interface's language ('' for an id no scheme knows). */
export function schemeCategoryDefinition(intl: IntlShape, id: string): string {
  const known = categoryDefinitions[id];
  return known ? intl.formatMessage(known) : (schemeCategory(id).category?.definition ?? '');
}

/** A mapping relation's reason or condition as the core sent it (English), in the interface's language. */
export function mappingText(intl: IntlShape, english: string): string {
  const known = mappingMessage(english);
  return known ? intl.formatMessage(known) : english;
}
