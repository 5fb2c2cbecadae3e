import { describe, expect, it } from 'vitest';
import { pageLines, plainLetters } from './pdf-text-lines.ts';
import type { TextRun } from './pdf-text-lines.ts';

/** Runs as pdf.js gives a right-to-left line: one glyph each, left to right as drawn. */
function drawnLeftToRight(visual: string[], eol = true): TextRun[] {
  return visual.map((str, i) => ({
    str,
    dir: 'rtl',
    x: i * 10,
    hasEOL: eol && i === visual.length - 1,
  }));
}

describe('pageLines', () => {
  it('reads an Arabic line drawn glyph by glyph from the right, as plain letters', () => {
    // "سأجدك غدا" drawn: the last letter leftmost, in presentation forms.
    const runs = drawnLeftToRight(['ا', 'ﺪ', 'ﻏ', ' ', 'ك', 'ﺪ', 'ﺟ', 'ﺄ', 'ﺳ']);
    expect(pageLines(runs)).toEqual(['سأجدك غدا']);
  });

  it('keeps a Latin word inside an Arabic line in its own order', () => {
    // Logical: "قال Bob Smith سأجدك غدا"; drawn left to right: غدا سأجدك, Bob Smith, قال
    const runs = drawnLeftToRight([
      'ا',
      'د',
      'غ',
      ' ',
      'ك',
      'د',
      'ج',
      'أ',
      'س',
      ' ',
      'Bob',
      ' ',
      'Smith',
      ' ',
      'ل',
      'ا',
      'ق',
    ]);
    expect(pageLines(runs)).toEqual(['قال Bob Smith سأجدك غدا']);
  });

  it('leaves left-to-right lines in drawing order and splits lines at their ends', () => {
    const runs: TextRun[] = [
      { str: 'Я знаю,', dir: 'ltr', x: 0, hasEOL: false },
      { str: ' где ты живёшь.', dir: 'ltr', x: 50, hasEOL: true },
      { str: '', dir: 'ltr', x: 0, hasEOL: true },
      { str: 'second', dir: 'ltr', x: 0, hasEOL: false },
    ];
    expect(pageLines(runs)).toEqual(['Я знаю, где ты живёшь.', '', 'second']);
  });
});

describe('plainLetters', () => {
  it('turns presentation forms and the lam-alef ligature into letters, touching nothing else', () => {
    expect(plainLetters('ﻻ ﺳ ﬁ')).toBe('لا س ﬁ');
  });

  it('puts an isolated-form mark back on its letter, without the space its decomposition adds', () => {
    // "غداً" as pdf.js gives it: the tanween drawn as U+FE70, which NFKC alone makes " \u064B".
    expect(plainLetters('غدا\uFE70')).toBe('غدا\u064B');
  });
});
