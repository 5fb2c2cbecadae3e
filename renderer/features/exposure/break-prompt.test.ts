// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { breakDue, multiplesPassed, rememberBreakSeen } from './break-prompt.ts';

const noon = new Date(2026, 2, 3, 12, 0, 0);

beforeEach(() => sessionStorage.clear());

describe('break prompt', () => {
  it('is due once today passes the threshold, not before', () => {
    expect(breakDue(19 * 60 + 59, 20, noon)).toBe(false);
    expect(breakDue(20 * 60, 20, noon)).toBe(true);
  });

  it('comes back only after another full threshold once dismissed', () => {
    rememberBreakSeen(21 * 60, 20, noon);
    expect(breakDue(39 * 60, 20, noon)).toBe(false);
    expect(breakDue(40 * 60, 20, noon)).toBe(true);
  });

  it('starts afresh on another day', () => {
    rememberBreakSeen(45 * 60, 20, noon);
    const tomorrow = new Date(2026, 2, 4, 9, 0, 0);
    expect(breakDue(20 * 60, 20, tomorrow)).toBe(true);
  });

  it('counts whole thresholds', () => {
    expect(multiplesPassed(3599, 30)).toBe(1);
    expect(multiplesPassed(3600, 30)).toBe(2);
    expect(multiplesPassed(100, 0)).toBe(0);
  });
});
