// An error from the core reads in the interface's language, from its code and params.
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import { describeError } from './i18n.ts';

const intl = (locale: 'en' | 'ru' | 'fa') =>
  createIntl({ locale, messages: catalogs[locale], onError: () => {} });

describe('describeError', () => {
  const blob = {
    code: 'BLOB_INTEGRITY' as const,
    message: 'Blob b_1 failed its integrity check: tag mismatch.',
    params: { blob: 'b_1', reason: 'tag mismatch' },
  };

  it('says a core error with params in the interface language', () => {
    expect(describeError(intl('ru'), blob)).toBe(
      'Блок b_1 не прошёл проверку целостности: tag mismatch.',
    );
    expect(describeError(intl('en'), blob)).toBe(blob.message);
  });

  it('says one without params by its code, the English detail kept', () => {
    const plain = { code: 'BUNDLE_REFUSED' as const, message: 'The bundle is not for us.' };
    expect(describeError(intl('fa'), plain)).toBe(
      'بسته پذیرفته نشد. (به انگلیسی: The bundle is not for us.)',
    );
  });
});
