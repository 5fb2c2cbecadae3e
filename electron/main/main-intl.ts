// Main's menus and dialogs speak the interface's language, from the renderer's own catalogs
// (shared/i18n): FormatJS's core, since main has no React. No Electron here, so it is testable.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { LanguageChoice } from '../../shared/domain/settings.ts';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import { matchLanguage, type InterfaceLanguage } from '../../shared/i18n/languages.ts';

const cache = createIntlCache();

export function languageFor(
  choice: LanguageChoice | null,
  system: readonly string[],
): InterfaceLanguage {
  return choice && choice !== 'system' ? choice : matchLanguage(system);
}

export function intlFor(language: InterfaceLanguage): IntlShape {
  return createIntl({ locale: language, defaultLocale: 'en', messages: catalogs[language] }, cache);
}

let current: IntlShape = intlFor('en');

/** The intl for main's texts now; replaced when the reviewer's language changes. */
export function mainIntl(): IntlShape {
  return current;
}

/** Switches main to `language`; says whether it changed (the menu is then rebuilt). */
export function switchMainLanguage(language: InterfaceLanguage): boolean {
  if (current.locale === language) return false;
  current = intlFor(language);
  return true;
}
