// The interface's intl for text made outside components (a store's notice after an action). Set by
// LanguageRoot whenever the language changes; English from the code's defaults until then.
import { createIntl, type IntlShape } from 'react-intl';

let current: IntlShape = createIntl({ locale: 'en', defaultLocale: 'en' });

export function setCurrentIntl(intl: IntlShape): void {
  current = intl;
}

export function currentIntl(): IntlShape {
  return current;
}
