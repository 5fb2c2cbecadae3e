// Languages as a comma list, with one-key toggles for the languages most cases involve and the
// names spelled out, so "fa" is visibly Persian before saving.
import { useIntl } from 'react-intl';
import { languageName } from '../../base/i18n.ts';
import { Field } from '../../components/Field.tsx';
import { parseLanguages, toggleLanguage } from './case-form.ts';

const common = ['ar', 'fa', 'ru', 'en', 'uk', 'tr', 'ur', 'fr'] as const;

interface LanguagesFieldProps {
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

export function LanguagesField({ value, error, onChange }: LanguagesFieldProps) {
  const tags = parseLanguages(value);
  const intl = useIntl();
  const t = intl.formatMessage;
  const names = tags.length ? intl.formatList(tags.map((tag) => languageName(intl, tag))) : '';
  return (
    <Field
      label={t({ id: 'cases.languages.label', defaultMessage: 'Languages' })}
      hint={t({
        id: 'cases.languages.hint',
        defaultMessage: 'Language codes separated by commas, or pick below.',
      })}
      error={error}
    >
      {(a) => (
        <>
          <input
            {...a}
            name="languages"
            className="input"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder="ar, fa, ru"
            autoComplete="off"
            spellCheck={false}
            dir="ltr"
            data-testid="case-languages"
          />
          <div
            className="chips"
            role="group"
            aria-label={t({ id: 'cases.languages.common', defaultMessage: 'Common languages' })}
          >
            {common.map((tag) => (
              <button
                key={tag}
                type="button"
                className="chip"
                aria-pressed={tags.includes(tag)}
                onClick={() => onChange(toggleLanguage(value, tag))}
              >
                {languageName(intl, tag)}
              </button>
            ))}
          </div>
          {names && (
            <p className="field-hint" aria-live="polite">
              {names}
            </p>
          )}
        </>
      )}
    </Field>
  );
}
