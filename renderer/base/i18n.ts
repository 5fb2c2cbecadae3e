// Wording and formatting in one place. English only for now; dates, lists and language names come
// from Intl so they follow the system locale.
import type { ErrorCode } from '../../shared/domain/error-codes.ts';

const errorText: Partial<Record<ErrorCode, string>> = {
  WRONG_PASSPHRASE:
    'That passphrase did not open the vault. Check Caps Lock and the keyboard language, then try again.',
  VAULT_LOCKED: 'The vault is locked.',
  VAULT_EXISTS: 'A vault already exists here. Unlock it instead.',
  VAULT_NOT_FOUND: 'There is no vault here yet.',
  VAULT_CORRUPT: 'The vault could not be read. It may be damaged; nothing was changed.',
  NOT_FOUND: 'That case no longer exists.',
  CASE_CLOSED: 'The case is closed. Reopen it to change its evidence.',
  INTERNAL: 'Something went wrong; nothing was changed.',
};

/** Calm, specific text for an error; the core's own message where we have nothing better. */
export function describeError(error: { code: ErrorCode; message: string }): string {
  return errorText[error.code] ?? error.message;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** 'fa' → 'Persian'; an unknown but well-formed tag is shown as itself. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** '5 minutes ago', 'yesterday'; older than a week, the date itself. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const distance = Math.abs(seconds);
  if (distance < MINUTE) return 'just now';
  if (distance < HOUR) return relative.format(Math.round(seconds / MINUTE), 'minute');
  if (distance < DAY) return relative.format(Math.round(seconds / HOUR), 'hour');
  if (distance < 7 * DAY) return relative.format(Math.round(seconds / DAY), 'day');
  return formatDateTime(iso);
}

/** '45 s', '3 min', '1 h 5 min': how long, at a glance. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < MINUTE) return `${seconds} s`;
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)} min`;
  const hours = Math.floor(seconds / HOUR);
  const minutes = Math.floor((seconds % HOUR) / MINUTE);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

const bytesFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : bytesFormat.format(value)} ${units[unit]}`;
}
