// Wording and formatting shared by every screen, in the interface's language (the `intl` of
// LanguageRoot): error texts, language names, dates, durations, sizes. Evidence dates have their
// own rules (evidence-date.ts).
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { ErrorCode, ErrorParams } from '../../shared/domain/error-codes.ts';
import { errorText as catalogErrorText, selectParams } from '../../shared/i18n/error-messages.ts';

const errorText: Partial<Record<ErrorCode, MessageDescriptor>> = defineMessages({
  WRONG_PASSPHRASE: {
    id: 'error.wrongPassphrase',
    defaultMessage:
      'That passphrase did not open the vault. Check Caps Lock and the keyboard language, then try again.',
  },
  VAULT_LOCKED: { id: 'error.vaultLocked', defaultMessage: 'The vault is locked.' },
  VAULT_EXISTS: {
    id: 'error.vaultExists',
    defaultMessage: 'A vault already exists here. Unlock it instead.',
  },
  VAULT_NOT_FOUND: { id: 'error.vaultNotFound', defaultMessage: 'There is no vault here yet.' },
  VAULT_CORRUPT: {
    id: 'error.vaultCorrupt',
    defaultMessage: 'The vault could not be read. It may be damaged; nothing was changed.',
  },
  NOT_FOUND: { id: 'error.notFound', defaultMessage: 'That case no longer exists.' },
  CASE_CLOSED: {
    id: 'error.caseClosed',
    defaultMessage: 'The case is closed. Reopen it to change its evidence.',
  },
  INTERNAL: { id: 'error.internal', defaultMessage: 'Something went wrong; nothing was changed.' },
});

/**
 * Calm, specific text for an error where the screen has one; otherwise the core's error said in
 * the interface's language from its code and params (shared/i18n/error-messages.ts).
 */
export function describeError(
  intl: IntlShape,
  error: { code: ErrorCode; message: string; params?: ErrorParams | undefined },
): string {
  const text = errorText[error.code];
  if (text) return intl.formatMessage(text);
  return catalogErrorText(
    intl.locale,
    (d, values) => intl.formatMessage(d, isolated(values)),
    error,
  );
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Each value in its own direction (U+2068 FSI … U+2069 PDI, as the CLI does): a list name, id or
 * hash type inside an Arabic or Farsi sentence would otherwise join the neighbouring Latin text
 * and its quotes and brackets into one run, out of order. Select keys are matched, not shown.
 */
function isolated(values: ErrorParams): ErrorParams {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === 'string' && !selectParams.has(k) ? `${FSI}${v}${PDI}` : v,
    ]),
  );
}

/** 'fa' → 'Persian' (in the interface's language); an unknown but well-formed tag as itself. */
export function languageName(intl: IntlShape, tag: string): string {
  try {
    return intl.formatDisplayName(tag, { type: 'language', fallback: 'code' }) ?? tag;
  } catch {
    return tag;
  }
}

export function formatDateTime(intl: IntlShape, iso: string): string {
  return intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** '5 minutes ago', 'yesterday'; older than a week, the date itself. */
export function formatRelative(intl: IntlShape, iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const distance = Math.abs(seconds);
  const relative = (value: number, unit: 'minute' | 'hour' | 'day') =>
    intl.formatRelativeTime(value, unit, { numeric: 'auto' });
  if (distance < MINUTE)
    return intl.formatMessage({ id: 'time.justNow', defaultMessage: 'just now' });
  if (distance < HOUR) return relative(Math.round(seconds / MINUTE), 'minute');
  if (distance < DAY) return relative(Math.round(seconds / HOUR), 'hour');
  if (distance < 7 * DAY) return relative(Math.round(seconds / DAY), 'day');
  return formatDateTime(intl, iso);
}

const unit = (intl: IntlShape, value: number, name: 'second' | 'minute' | 'hour') =>
  intl.formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short' });

/** '45 sec', '3 min', '1 hr 5 min': how long, at a glance, in the language's own abbreviations. */
export function formatDuration(intl: IntlShape, totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < MINUTE) return unit(intl, seconds, 'second');
  if (seconds < HOUR) return unit(intl, Math.floor(seconds / MINUTE), 'minute');
  const hours = unit(intl, Math.floor(seconds / HOUR), 'hour');
  const minutes = Math.floor((seconds % HOUR) / MINUTE);
  if (!minutes) return hours;
  return intl.formatMessage(
    { id: 'time.hoursMinutes', defaultMessage: '{hours} {minutes}' },
    { hours, minutes: unit(intl, minutes, 'minute') },
  );
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

export function formatBytes(intl: IntlShape, bytes: number): string {
  let value = bytes;
  let step = 0;
  while (value >= 1024 && step < byteUnits.length - 1) {
    value /= 1024;
    step += 1;
  }
  return intl.formatNumber(value, {
    style: 'unit',
    unit: byteUnits[step] ?? 'byte',
    unitDisplay: step === 0 ? 'long' : 'short',
    maximumFractionDigits: step === 0 ? 0 : 1,
  });
}
