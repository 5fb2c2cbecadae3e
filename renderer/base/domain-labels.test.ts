// The category schemes' words in the interface's language: Custody's harms and the other schemes'
// labels translated, official codes kept as codes, the mapping's reasons said from the English the
// core sends (and that English kept when no message has it).
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import {
  mappingText,
  schemeCategoryDefinition,
  schemeCategoryLabel,
  schemeName,
} from './domain-labels.ts';

const intl = (locale: 'en' | 'ar' | 'ru') =>
  createIntl({ locale, messages: catalogs[locale], onError: () => {} });

describe('scheme words', () => {
  it('labels a category of any scheme by its id, codes kept as codes', () => {
    expect(schemeCategoryLabel(intl('ru'), 'custody:harassment')).toBe('Травля');
    expect(schemeCategoryLabel(intl('ru'), 'uk-sc2014:B')).toBe('Категория B');
    expect(schemeCategoryLabel(intl('ar'), 'industry:A1')).toBe('A1');
    expect(schemeCategoryLabel(intl('en'), 'vics-us:1')).toBe('CAM');
    expect(schemeCategoryLabel(intl('en'), 'nowhere:Z9')).toBe('Z9');
  });

  it('defines a category and names a scheme in the language', () => {
    expect(schemeCategoryDefinition(intl('ru'), 'industry:B2')).toBe(
      'Несовершеннолетний пубертатного возраста; непристойная демонстрация.',
    );
    expect(schemeCategoryDefinition(intl('en'), 'nowhere:Z9')).toBe('');
    expect(schemeName(intl('ar'), 'vics-us')).toBe('Project VIC (الولايات المتحدة)');
  });

  it('says a mapping reason from its English, and keeps English it has no message for', () => {
    expect(mappingText(intl('ru'), 'needs whether the act is penetrative')).toBe(
      'нужно знать, было ли проникновение',
    );
    expect(mappingText(intl('ru'), 'a reason from a newer core')).toBe(
      'a reason from a newer core',
    );
  });
});
