// Marks land on the words as written: across Arabic/Persian letter forms, tatweel, diacritics and
// case, a prefix extended to its word's end; the remembered folds change nothing, even after the
// memory is cleared by many distinct characters; and the code-point walk marks exactly what the
// cluster regex it replaced marked.
import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTerms } from '../../../shared/domain/search-fold.ts';
import { markTerms } from './search-marks.ts';
import { markTermsByRegex } from '../../../tests/helpers/mark-terms-by-regex.ts';

/** What lines are made of here: scripts, case, forms, marks, joiners, ligatures, astral, broken. */
const PALETTE = [
  ...'THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG, the quick brown fox: ok-1 a@b.org [x] ',
  ...'Угроза УГРОЗА ёлка ЁЛКА найдём ',
  ...'رسالة رِسَالَة نجـــدكَ يكة ى ٣٤٥ ',
  ...'پیدا خانواده ی ک ۱۲۳ ',
  ...'Straße ΣΟΦΟΣ ς ﬁ ﷺ 한국 é ',
  '\u0301',
  '\u064b',
  '\u0670',
  '\u200c',
  '\u200d',
  '\u200f',
  '\u202b',
  '\u2067',
  '\ud83d\ude00',
  '\ud83d',
  '\ude00',
  '\t',
];

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

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

  it('marks what the cluster regex marked, over 5,000 generated lines', () => {
    const random = lcg(11);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(random() * a.length)] as T;
    for (let n = 0; n < 5000; n++) {
      const raw = Array.from({ length: 1 + Math.floor(random() * 60) }, () => pick(PALETTE)).join(
        '',
      );
      const folded = foldForSearch(raw);
      // Terms cut from the folded line (so most are found), and a few typed ones.
      const terms = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const at = Math.floor(random() * folded.length);
        return random() < 0.2
          ? pick(searchTerms('угроза رسالة ی ss σ 1 threat ЁЛКА'))
          : folded.slice(at, at + 1 + Math.floor(random() * 5));
      });
      expect(markTerms(raw, terms), JSON.stringify({ raw, terms })).toEqual(
        markTermsByRegex(raw, terms),
      );
    }
  });
});
