import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTerms } from './search-fold.ts';

describe('search folding', () => {
  it('treats Arabic and Persian forms of yeh, kaf and teh marbuta as the same letter', () => {
    expect(foldForSearch('كتاب علي')).toBe(foldForSearch('کتاب علی'));
    expect(foldForSearch('مدرسة')).toBe(foldForSearch('مدرسه'));
  });

  it('ignores harakat, hamza seats, tatweel, ZWNJ and bidi marks', () => {
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
    expect(foldForSearch('أحمد')).toBe(foldForSearch('احمد'));
    expect(foldForSearch('كـتـاب')).toBe(foldForSearch('كتاب'));
    expect(foldForSearch('می\u200cخواهم')).toBe('میخواهم');
    expect(foldForSearch('\u2067TICKET-1\u2069')).toBe('ticket-1');
  });

  it('reads Persian and Arabic-Indic digits as ASCII digits', () => {
    expect(foldForSearch('۴۴۷۱')).toBe('4471');
    expect(foldForSearch('٤٤٧١')).toBe('4471');
  });

  it('folds case and Latin and Cyrillic diacritics (ё is е)', () => {
    expect(foldForSearch('Ёлка CAFÉ')).toBe('елка cafe');
  });

  it('folds case beyond lower-casing: Greek final sigma and German sharp s', () => {
    expect(foldForSearch('ΟΔΟΣ')).toBe(foldForSearch('οδοσ'));
    expect(foldForSearch('Straße')).toBe(foldForSearch('STRASSE'));
    expect(foldForSearch('Ελλάδα')).toBe('ελλαδα');
  });

  it('splits a query into folded words', () => {
    expect(searchTerms('  Фото   ΣΟΦΙΑΣ\tفایل ')).toEqual(['фото', 'σοφιασ', 'فایل']);
  });
});
