import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { reporterFormFrom, validateReporter } from './reporter-form.ts';

const intl = createIntl({ locale: 'en' });

describe('reporter form', () => {
  it('makes the profile `custody reporter set` would, leaving empty optional fields out', () => {
    const values = {
      ...reporterFormFrom(null),
      organisation: ' Wikimedia Trust & Safety ',
      contactName: 'Ана Петрова',
      email: ' ts@example.org ',
      legalUrl: 'https://example.org/legal',
    };
    expect(validateReporter(intl, values)).toEqual({
      ok: true,
      profile: {
        organisation: 'Wikimedia Trust & Safety',
        contactName: 'Ана Петрова',
        email: 'ts@example.org',
        legalUrl: 'https://example.org/legal',
      },
    });
  });

  it('names each field that is missing or malformed, and only those', () => {
    const result = validateReporter(intl, {
      ...reporterFormFrom(null),
      contactName: 'Ana',
      email: 'not an address',
      termsOfServiceUrl: 'example.org/terms',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'email',
      'organisation',
      'termsOfServiceUrl',
    ]);
    expect(result.errors.email).toMatch(/e-mail address/);
  });

  it('fills the form from a saved profile', () => {
    const profile = {
      organisation: 'Org',
      contactName: 'Ana',
      email: 'a@example.org',
      phone: '+1 555',
    };
    expect(validateReporter(intl, reporterFormFrom(profile))).toEqual({ ok: true, profile });
  });
});
