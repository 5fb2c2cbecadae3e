import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/domain/settings.ts';
import { createIntl } from 'react-intl';
import { formFrom, onLinux, validateSettings as validate } from './settings-form.ts';

const intl = createIntl({ locale: 'en' });
const validateSettings = (v: Parameters<typeof validate>[1]) => validate(intl, v);

describe('settings form', () => {
  it('round-trips the settings without change', () => {
    expect(validateSettings(formFrom(defaultSettings))).toEqual({
      ok: true,
      settings: Object.fromEntries(
        Object.entries(defaultSettings).filter(
          ([k]) => k !== 'language' && k !== 'localCalendar' && k !== 'textGate',
        ),
      ),
    });
  });

  it('takes a re-veil of 3 seconds, the shortest allowed', () => {
    const result = validateSettings({ ...formFrom(defaultSettings), revealSeconds: ' 3 ' });
    expect(result.ok && result.settings.revealSeconds).toBe(3);
  });

  it('names each field out of range, with its limits', () => {
    const result = validateSettings({
      ...formFrom(defaultSettings),
      revealSeconds: '2',
      autoLockMinutes: '1.5',
      exposureBreakMinutes: 'twenty',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.revealSeconds).toBe('A whole number of seconds from 3 to 120.');
    expect(result.errors.autoLockMinutes).toBe('A whole number of minutes from 1 to 240.');
    expect(result.errors.exposureBreakMinutes).toContain('1 to 600');
    expect(result.errors.greyStep).toBeUndefined();
  });

  it('knows Linux from the user agent, Android aside', () => {
    expect(onLinux('Mozilla/5.0 (X11; Linux x86_64) Chrome/140')).toBe(true);
    expect(onLinux('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe(false);
    expect(onLinux('Mozilla/5.0 (Linux; Android 14)')).toBe(false);
  });
});
