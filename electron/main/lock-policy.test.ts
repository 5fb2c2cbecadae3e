import { describe, expect, it } from 'vitest';
import { DEFAULT_IDLE_LOCK_MINUTES, idleLockReason, idleMinutesFrom } from './lock-policy.ts';

describe('idleLockReason', () => {
  it('locks when the OS reports its lock screen, whatever the idle time (Linux has no event)', () => {
    expect(idleLockReason('locked', 0, 5)).toBe('system');
  });

  it('locks for idleness once the configured minutes have passed', () => {
    expect(idleLockReason('active', 299, 5)).toBeNull();
    expect(idleLockReason('active', 300, 5)).toBe('idle');
    expect(idleLockReason('idle', 300, 5)).toBe('idle');
    expect(idleLockReason('unknown', 61, 1)).toBe('idle');
  });

  it('trusts an idle state even where idle time is unavailable', () => {
    expect(idleLockReason('idle', 0, 5)).toBe('idle');
  });
});

describe('idleMinutesFrom', () => {
  it('defaults to five minutes for a missing or unusable setting', () => {
    expect(DEFAULT_IDLE_LOCK_MINUTES).toBe(5);
    for (const value of [undefined, '', 'soon', '-3', 0, Number.NaN, {}]) {
      expect(idleMinutesFrom(value)).toBe(5);
    }
  });

  it('accepts whole minutes between 1 and 240', () => {
    expect(idleMinutesFrom('10')).toBe(10);
    expect(idleMinutesFrom(0.2)).toBe(1);
    expect(idleMinutesFrom(100000)).toBe(240);
  });
});
