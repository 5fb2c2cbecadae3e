import { describe, expect, it } from 'vitest';
import { findInLines, markedPieces } from './find-in-text.ts';

describe('findInLines', () => {
  it('finds every occurrence, case-folded, Cyrillic included, line by line', () => {
    const lines = ['Я знаю, где ты живёшь.', 'nothing', 'ЗНАЮ и знаю'];
    expect(findInLines(lines, 'знаю')).toEqual([
      { line: 0, start: 2, end: 6 },
      { line: 2, start: 0, end: 4 },
      { line: 2, start: 7, end: 11 },
    ]);
    expect(findInLines(lines, '  ')).toEqual([]);
  });
});

describe('markedPieces', () => {
  it('cuts a line into plain and marked pieces', () => {
    expect(markedPieces('a find b', [{ start: 2, end: 6 }])).toEqual([
      { text: 'a ', marked: false, index: -1 },
      { text: 'find', marked: true, index: 0 },
      { text: ' b', marked: false, index: -1 },
    ]);
  });
});
