// Marks land on the words as written: across Arabic/Persian letter forms, tatweel, diacritics and
// case, a prefix extended to its word's end; the remembered folds change nothing, even after the
// memory is cleared by many distinct characters.
import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../shared/domain/search-fold.ts';
import { markTerms } from './search-marks.ts';

const marked = (raw: string, query: string) =>
  markTerms(raw, searchTerms(query)).map(([a, b]) => raw.slice(a, b));

describe('markTerms', () => {
  it('marks Persian letters found with the Arabic forms, and Cyrillic in any case', () => {
    expect(marked('ما فردا تو را پیدا خواهیم کرد', 'پيدا')).toEqual(['پیدا']);
    expect(marked('Мы НАЙДЁМ тебя', 'найдем')).toEqual(['НАЙДЁМ']);
  });

  it('keeps a tatweel and diacritics inside the marked word, and extends a prefix to the word', () => {
    expect(marked('سوف نجـــدكَ غداً', 'نجدك')).toEqual(['نجـــدكَ']);
    expect(marked('threatening posts', 'threat')).toEqual(['threatening']);
  });

  it('gives the same marks after thousands of distinct characters have passed', () => {
    const line = 'Это прямая угроза: мы найдём тебя';
    const before = marked(line, 'угроза найдём');
    const many = Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    markTerms(many, ['x']);
    expect(marked(line, 'угроза найдём')).toEqual(before);
    expect(before).toEqual(['угроза', 'найдём']);
  });
});
