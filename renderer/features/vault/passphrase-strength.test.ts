import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE_LENGTH, estimateBits, passphraseStrength } from './passphrase-strength.ts';

describe('passphrase strength', () => {
  it(`refuses fewer than ${MIN_PASSPHRASE_LENGTH} characters, counting letters not bytes`, () => {
    expect(passphraseStrength('Tr0ub4dor&3').acceptable).toBe(false);
    expect(passphraseStrength('كلمة سر طويلة').acceptable).toBe(true);
  });

  it('rates repeats, runs and common words as weak even when long', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa').level).toBe('weak');
    expect(passphraseStrength('abcdefghijklmnop').level).toBe('weak');
    expect(passphraseStrength('password12345678').level).toBe('weak');
  });

  it('rates four unrelated words as strong', () => {
    const level = passphraseStrength('quiet harbour lantern seventeen').level;
    expect(['strong', 'very-strong']).toContain(level);
  });

  it('grows with length', () => {
    expect(estimateBits('quiet harbour lantern')).toBeLessThan(
      estimateBits('quiet harbour lantern seventeen'),
    );
  });
});
