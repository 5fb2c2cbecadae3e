import { describe, expect, it } from 'vitest';
import { directionOf, interfaceLanguages, matchLanguage } from './languages.ts';

describe('interface languages', () => {
  it('takes the first OS language we speak, by its base language', () => {
    expect(matchLanguage(['de-DE', 'ru-RU', 'en'])).toBe('ru');
    expect(matchLanguage(['fa_IR'])).toBe('fa');
    expect(matchLanguage(['AR-eg'])).toBe('ar');
    expect(matchLanguage(['de', 'ja'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });

  it('agrees with ICU on which languages are written right to left', () => {
    for (const language of interfaceLanguages) {
      const info = (
        new Intl.Locale(language) as Intl.Locale & { getTextInfo(): { direction: string } }
      ).getTextInfo();
      expect(directionOf(language), language).toBe(info.direction);
    }
  });
});
