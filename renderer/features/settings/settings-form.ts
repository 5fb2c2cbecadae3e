// The settings form's values (numbers as typed) and their checking against the shared schema, so
// the form and the core can never disagree on a limit.
import { settingsSchema, type Settings } from '../../../shared/domain/settings.ts';

export interface SettingsFormValues {
  revealSeconds: string;
  greyStep: boolean;
  reasonPrompt: boolean;
  autoLockMinutes: string;
  exposureBreakMinutes: string;
  veilGridFor: string[];
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
    veilGridFor: [...s.veilGridFor],
    contentProtection: s.contentProtection,
  };
}

const limits: Partial<Record<SettingsField, [number, number, string]>> = {
  revealSeconds: [3, 120, 'seconds'],
  autoLockMinutes: [1, 240, 'minutes'],
  exposureBreakMinutes: [1, 600, 'minutes'],
};

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function validateSettings(
  v: SettingsFormValues,
): { ok: true; settings: Settings } | { ok: false; errors: SettingsErrors } {
  const parsed = settingsSchema.safeParse({
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
    errors[field] = limit
      ? `A whole number of ${limit[2]} from ${limit[0]} to ${limit[1]}.`
      : 'This value is not accepted.';
  }
  return { ok: false, errors };
}

/** Whether this window runs on Linux, where no screen-capture protection exists. */
export function onLinux(userAgent: string): boolean {
  return /Linux/.test(userAgent) && !/Android/.test(userAgent);
}
