// The application menu's words (menu.ts builds it), in main's language.
import type { IntlShape } from '@formatjs/intl';

export function menuLabels(intl: IntlShape) {
  return {
    vault: intl.formatMessage({ id: 'menu.vault', defaultMessage: 'Vault' }),
    lock: intl.formatMessage({ id: 'menu.lock', defaultMessage: 'Lock' }),
    develop: intl.formatMessage({ id: 'menu.develop', defaultMessage: 'Develop' }),
  };
}
