// Dates in evidence. By default Gregorian with Latin digits in every language (a Farsi locale alone
// would give the Solar Hijri calendar and Persian digits, and two reviewers comparing notes must read
// the same date), with the ISO 8601 date in UTC beside it. The localCalendar setting gives the
// language's own calendar and digits, for reading only: records, packets and --json stay ISO UTC.
import type { IntlShape } from 'react-intl';

export interface EvidenceDateText {
  local: string;
  /** ISO 8601 in UTC to the minute, e.g. 2026-12-01T10:05Z. */
  utc: string;
}

export function evidenceDateLocale(locale: string, localCalendar: boolean): string {
  if (localCalendar) return locale;
  const { language } = new Intl.Locale(locale);
  return `${language}-u-ca-gregory-nu-latn`;
}

export function utcMinute(iso: string): string {
  return new Date(iso).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');
}

export function evidenceDate(
  intl: IntlShape,
  iso: string,
  localCalendar: boolean,
): EvidenceDateText {
  const format = new Intl.DateTimeFormat(evidenceDateLocale(intl.locale, localCalendar), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return { local: format.format(new Date(iso)), utc: utcMinute(iso) };
}
