// The settings form's values (numbers as typed) and their checking against the shared schema, so
// the form and the core can never disagree on a limit.
import type { IntlShape } from 'react-intl';
import { settingsSchema, type Settings } from '../../../shared/domain/settings.ts';

// Language and calendar (LanguageSection.tsx) and the text gate (TextGateSection.tsx) apply at once
// from their own sections, not this form.
const formSchema = settingsSchema.omit({ language: true, localCalendar: true, textGate: true });
export type FormSettings = Omit<Settings, 'language' | 'localCalendar' | 'textGate'>;

export interface SettingsFormValues {
  revealSeconds: string;
  greyStep: boolean;
  reasonPrompt: boolean;
  autoLockMinutes: string;
  exposureBreakMinutes: string;
  contentProtection: boolean;
}

export type SettingsField = keyof SettingsFormValues;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

export function formFrom(s: Settings): SettingsFormValues {
  return {
    revealSeconds: String(s.revealSeconds),
    greyStep: s.greyStep,
    reasonPrompt: s.reasonPrompt,
    autoLockMinutes: String(s.autoLockMinutes),
    exposureBreakMinutes: String(s.exposureBreakMinutes),
    contentProtection: s.contentProtection,
  };
}

const limits: Partial<Record<SettingsField, [number, number, 'seconds' | 'minutes']>> = {
  revealSeconds: [3, 120, 'seconds'],
  autoLockMinutes: [1, 240, 'minutes'],
  exposureBreakMinutes: [1, 600, 'minutes'],
};

const outOfRange = (intl: IntlShape, min: number, max: number, unit: 'seconds' | 'minutes') =>
  unit === 'seconds'
    ? intl.formatMessage(
        {
          id: 'settings.error.seconds',
          defaultMessage: 'A whole number of seconds from {min} to {max}.',
        },
        { min, max },
      )
    : intl.formatMessage(
        {
          id: 'settings.error.minutes',
          defaultMessage: 'A whole number of minutes from {min} to {max}.',
        },
        { min, max },
      );
const notAccepted = (intl: IntlShape) =>
  intl.formatMessage({
    id: 'settings.error.invalid',
    defaultMessage: 'This value is not accepted.',
  });

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function validateSettings(
  intl: IntlShape,
  v: SettingsFormValues,
): { ok: true; settings: FormSettings } | { ok: false; errors: SettingsErrors } {
  const parsed = formSchema.safeParse({
    ...v,
    revealSeconds: whole(v.revealSeconds),
    autoLockMinutes: whole(v.autoLockMinutes),
    exposureBreakMinutes: whole(v.exposureBreakMinutes),
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: SettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SettingsField | undefined;
    const limit = field ? limits[field] : undefined;
    if (!field || errors[field]) continue;
    errors[field] = limit ? outOfRange(intl, ...limit) : notAccepted(intl);
  }
  return { ok: false, errors };
}

/** Whether this window runs on Linux, where no screen-capture protection exists. */
export function onLinux(userAgent: string): boolean {
  return /Linux/.test(userAgent) && !/Android/.test(userAgent);
}
