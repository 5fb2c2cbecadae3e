import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { evidenceDate } from './evidence-date.ts';

const at = '2026-12-01T10:05:30.000Z';
const intl = (locale: string) => createIntl({ locale, timeZone: 'UTC' });

describe('evidence dates', () => {
  it('are Gregorian with Latin digits in Farsi by default, the UTC date beside them', () => {
    const { local, utc } = evidenceDate(intl('fa'), at, false);
    expect(utc).toBe('2026-12-01T10:05Z');
    expect(local).toContain('2026');
    expect(local).not.toMatch(/[۰-۹]/);
    expect(local).not.toContain('آذر');
  });

  it('follow the Solar Hijri calendar and Persian digits only when asked', () => {
    const { local, utc } = evidenceDate(intl('fa'), at, true);
    expect(local).toContain('۱۰ آذر ۱۴۰۵');
    expect(utc).toBe('2026-12-01T10:05Z');
  });

  it('keep Latin digits in Arabic by default and the local digits when asked', () => {
    expect(evidenceDate(intl('ar'), at, false).local).toMatch(/2026/);
    expect(evidenceDate(intl('ar-EG'), at, true).local).toMatch(/[٠-٩]/);
  });
});
