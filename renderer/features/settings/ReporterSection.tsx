// The reporting organisation, as a CyberTipline draft names it: the same fields as
// `custody reporter set`. Saved on its own (Enter or the button), apart from the reveal settings.
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../../base/i18n.ts';
import { Field } from '../../components/Field.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useReporter } from './reporter.store.ts';
import {
  reporterFields,
  reporterFormFrom,
  validateReporter,
  type ReporterErrors,
  type ReporterField,
  type ReporterFormValues,
} from './reporter-form.ts';

export function ReporterSection() {
  const loaded = useReporter((s) => s.loaded);
  useEffect(() => void useReporter.getState().load(), []);
  if (!loaded) return null;
  return <ReporterForm initial={reporterFormFrom(useReporter.getState().profile)} />;
}

function ReporterForm({ initial }: { initial: ReporterFormValues }) {
  const intl = useIntl();
  const t = intl.formatMessage;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ReporterErrors>({});
  const [note, setNote] = useState<{ tone: 'info' | 'warning'; text: string } | null>(null);

  const labels: Record<ReporterField, string> = {
    organisation: t({ id: 'reporter.organisation', defaultMessage: 'Organisation' }),
    contactName: t({ id: 'reporter.contact', defaultMessage: 'Contact person' }),
    email: t({ id: 'reporter.email', defaultMessage: 'E-mail' }),
    phone: t({ id: 'reporter.phone', defaultMessage: 'Phone (optional)' }),
    termsOfServiceUrl: t({
      id: 'reporter.tos',
      defaultMessage: 'Terms of service address (optional)',
    }),
    legalUrl: t({ id: 'reporter.legalUrl', defaultMessage: 'Legal page address (optional)' }),
  };
  const required: ReadonlySet<ReporterField> = new Set(['organisation', 'contactName', 'email']);
  // Names of people and organisations read in any script; addresses and numbers stay LTR.
  const ltr: ReadonlySet<ReporterField> = new Set([
    'email',
    'phone',
    'termsOfServiceUrl',
    'legalUrl',
  ]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateReporter(intl, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNote(null);
      return;
    }
    const outcome = await useReporter.getState().save(checked.profile);
    setNote(
      outcome.ok
        ? {
            tone: 'info',
            text: t({
              id: 'reporter.saved',
              defaultMessage: 'Saved. CyberTipline drafts name this reporter from now on.',
            }),
          }
        : { tone: 'warning', text: describeError(intl, outcome.error) },
    );
  };

  return (
    <form
      className="fieldset form"
      onSubmit={(e) => void save(e)}
      noValidate
      aria-labelledby="reporter-title"
      data-testid="reporter-section"
    >
      <h2 id="reporter-title" className="fieldset-legend">
        <FormattedMessage id="reporter.title" defaultMessage="Reporting organisation" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="reporter.lead"
          defaultMessage="A CyberTipline report draft names who reports and whom law enforcement contacts. Kept in this vault."
        />
      </p>
      {reporterFields.map((field) => (
        <Field
          key={field}
          label={labels[field]}
          error={errors[field]}
          required={required.has(field)}
        >
          {(a) => (
            <input
              {...a}
              name={field}
              className="input"
              value={values[field]}
              onChange={(e) => {
                setValues((v) => ({ ...v, [field]: e.target.value }));
                if (errors[field]) setErrors((x) => ({ ...x, [field]: undefined }));
              }}
              dir={ltr.has(field) ? 'ltr' : 'auto'}
              type={field === 'email' ? 'email' : 'text'}
              autoComplete="off"
              spellCheck={false}
              data-testid={`reporter-${field}`}
            />
          )}
        </Field>
      ))}
      {note && (
        <Notice
          tone={note.tone}
          role={note.tone === 'warning' ? 'alert' : 'status'}
          testId="reporter-note"
        >
          {note.text}
        </Notice>
      )}
      <div className="form-actions">
        <button type="submit" className="button" data-testid="save-reporter">
          <FormattedMessage id="reporter.save" defaultMessage="Save the reporter" />
        </button>
      </div>
    </form>
  );
}
