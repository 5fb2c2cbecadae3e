// Languages as a comma list, with one-key toggles for the languages most cases involve and the
// names spelled out, so "fa" is visibly Persian before saving.
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
  const names = tags.map(languageName).join(', ');
  return (
    <Field
      label="Languages"
      hint="Language codes separated by commas, or pick below."
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
          <div className="chips" role="group" aria-label="Common languages">
            {common.map((tag) => (
              <button
                key={tag}
                type="button"
                className="chip"
                aria-pressed={tags.includes(tag)}
                onClick={() => onChange(toggleLanguage(value, tag))}
              >
                {languageName(tag)}
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
