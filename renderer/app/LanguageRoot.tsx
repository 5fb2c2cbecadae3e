// The interface's language for everything below it: the catalog, `<html lang dir>` (so the whole
// layout mirrors for Arabic and Farsi through CSS logical properties), and the current intl for
// the few texts made outside components.
import { useEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { setCurrentIntl } from '../base/current-intl.ts';
import { catalogs, type Catalog } from '../../shared/i18n/catalogs.ts';
import { directionOf } from '../../shared/i18n/languages.ts';
import { resolveLocale, useLanguage, type Locale } from '../base/language.store.ts';
import { PSEUDO_LOCALE, pseudoCatalog } from '../base/pseudo-locale.ts';

function catalogFor(locale: Locale): Catalog {
  return locale === PSEUDO_LOCALE ? pseudoCatalog(catalogs.en) : catalogs[locale];
}

export function LanguageRoot({ children }: { children: ReactNode }) {
  const choice = useLanguage((s) => s.choice);
  const locale = resolveLocale(choice, navigator.languages);
  const messages = useMemo(() => catalogFor(locale), [locale]);
  const dir = locale === PSEUDO_LOCALE ? 'ltr' : directionOf(locale);

  useEffect(() => void useLanguage.getState().loadLast(), []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
  }, [locale, dir]);

  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={messages}>
      <ShareIntl />
      {children}
    </IntlProvider>
  );
}

function ShareIntl() {
  setCurrentIntl(useIntl());
  return null;
}
