// The interface language and how evidence dates are shown. Both apply at once (no Save): a reviewer
// who picked a language they cannot read must not have to find a Save button in it.
import { useIntl } from 'react-intl';
import { Check } from '../../components/Check.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Notice } from '../../components/Notice.tsx';
import type { LanguageChoice } from '../../../shared/domain/settings.ts';
import { interfaceLanguages, matchLanguage } from '../../../shared/i18n/languages.ts';
import { describeError } from '../../base/i18n.ts';
import { useSettings } from './settings.store.ts';
import { useState } from 'react';

/** Each language named in itself, so it can be found whatever the interface speaks now. */
function autonym(language: string): string {
  return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
}

export function LanguageSection() {
  const intl = useIntl();
  const settings = useSettings((s) => s.settings);
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: { language?: LanguageChoice; localCalendar?: boolean }) => {
    const outcome = await useSettings.getState().save(patch);
    setError(outcome.ok ? null : describeError(intl, outcome.error));
  };
  const system = autonym(matchLanguage(navigator.languages));
  const options = [
    [
      'system',
      intl.formatMessage(
        { id: 'settings.language.system', defaultMessage: 'As the computer: {language}' },
        { language: system },
      ),
    ] as const,
    ...interfaceLanguages.map((l) => [l, autonym(l)] as const),
  ];
  return (
    <fieldset className="fieldset" data-testid="language-section">
      <legend className="fieldset-legend">
        {intl.formatMessage({ id: 'settings.language.legend', defaultMessage: 'Language' })}
      </legend>
      <SelectField<LanguageChoice>
        label={intl.formatMessage({
          id: 'settings.language.label',
          defaultMessage: 'Interface language',
        })}
        value={settings.language}
        options={options}
        onChange={(language) => void save({ language })}
        testId="setting-language"
      />
      <Check
        label={intl.formatMessage({
          id: 'settings.localCalendar.label',
          defaultMessage: 'Show evidence dates in this language’s calendar and digits',
        })}
        hint={intl.formatMessage({
          id: 'settings.localCalendar.hint',
          defaultMessage:
            'For reading only. Off: Gregorian dates with the UTC date beside them. Custody records, packets and the command line always use ISO 8601 in UTC.',
        })}
        checked={settings.localCalendar}
        onChange={(localCalendar) => void save({ localCalendar })}
        testId="setting-localCalendar"
      />
      {error && (
        <Notice tone="warning" role="alert">
          {error}
        </Notice>
      )}
    </fieldset>
  );
}
