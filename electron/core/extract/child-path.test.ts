import { describe, expect, it } from 'vitest';
import { neutralisePath, uniquePath } from './child-path.ts';

describe('neutralisePath', () => {
  it('drops roots, drive letters, dot segments and control characters', () => {
    expect(neutralisePath('../../etc/passwd', 'x')).toBe('etc/passwd');
    expect(neutralisePath('C:\\Users\\a\\..\\b.txt', 'x')).toBe('Users/a/b.txt');
    expect(neutralisePath('/abs/./file\u0000.txt', 'x')).toBe('abs/file.txt');
  });

  it('falls back when nothing is left', () => {
    expect(neutralisePath('../..', 'embedded')).toBe('embedded');
  });
});

describe('uniquePath', () => {
  it('numbers a taken path before its extension', () => {
    const taken = new Set<string>();
    expect(['a/b.png', 'a/b.png', 'a/b.png', 'c'].map((p) => uniquePath(p, taken))).toEqual([
      'a/b.png',
      'a/b (2).png',
      'a/b (3).png',
      'c',
    ]);
  });
});
