// An error from the core reads in the interface's language, from its code and params.
import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import { describeError } from './i18n.ts';

const intl = (locale: 'en' | 'ru' | 'fa' | 'ar') =>
  createIntl({ locale, messages: catalogs[locale], onError: () => {} });

/** A value as the sentence holds it: isolated, in its own direction. */
const iso = (value: string) => `\u2068${value}\u2069`;

describe('describeError', () => {
  const blob = {
    code: 'BLOB_INTEGRITY' as const,
    message: 'Blob b_1 failed its integrity check: tag mismatch.',
    params: { blob: 'b_1', reason: 'tag mismatch' },
  };

  it('says a core error with params in the interface language', () => {
    expect(describeError(intl('ru'), blob)).toBe(
      `Блок ${iso('b_1')} не прошёл проверку целостности: ${iso('tag mismatch')}.`,
    );
    expect(describeError(intl('en'), blob)).toBe(blob.message);
  });

  it('says one without params by its code, the English detail kept', () => {
    const plain = { code: 'BUNDLE_REFUSED' as const, message: 'The bundle is not for us.' };
    expect(describeError(intl('fa'), plain)).toBe(
      `${iso('بسته پذیرفته نشد.')} (به انگلیسی: ${iso('The bundle is not for us.')})`,
    );
  });

  it('keeps a Latin list name and hash type in order inside an Arabic sentence', () => {
    // Unisolated, «Known CSAM (test)» (md5) joined into one left-to-right run, quotes and all.
    const blocked = {
      code: 'REVEAL_BLOCKED' as const,
      message:
        'Item i_1 may not be unveiled: it matches the known-illegal hash list "K (t)" (md5).',
      params: { item: 'i_1', blockedBy: 'hash-list', list: 'K (t)', hashType: 'md5' },
    };
    expect(describeError(intl('ar'), blocked)).toBe(
      `لا يجوز كشف هذا العنصر: يطابق قائمة تجزئات المحتوى غير القانوني المعروف «${iso('K (t)')}» (${iso('md5')}).`,
    );
  });
});
