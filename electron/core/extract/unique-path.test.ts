import { describe, expect, it } from 'vitest';
import { uniquePath } from './unique-path.ts';

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
