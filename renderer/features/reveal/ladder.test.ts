import { describe, expect, it } from 'vitest';
import { ladder, secondsLeft, stepAfter } from './ladder.ts';

describe('reveal ladder', () => {
  it('climbs one step at a time: outline, greyscale, colour, then stops', () => {
    expect(stepAfter('veiled', true)).toBe('outline');
    expect(stepAfter('outline', true)).toBe('grey');
    expect(stepAfter('grey', true)).toBe('plain');
    expect(stepAfter('plain', true)).toBeNull();
  });

  it('skips greyscale when the setting is off', () => {
    expect(ladder(false)).toEqual(['veiled', 'outline', 'plain']);
    expect(stepAfter('outline', false)).toBe('plain');
  });

  it('counts whole seconds down to the re-veil, never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
    expect(secondsLeft(null, 0)).toBe(0);
  });
});
