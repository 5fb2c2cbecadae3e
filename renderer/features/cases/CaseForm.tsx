// Create or edit a case. Ctrl+Enter saves; Escape goes back, asking first if something was typed.
import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { caseKinds } from '../../../shared/domain/case.ts';
import { caseKindLabel } from '../../base/domain-labels.ts';
import { useCases } from './cases.store.ts';
import {
  caseFormFrom,
  emptyCaseForm,
  validateCaseForm,
  type CaseFormErrors,
  type CaseFormField,
  type CaseFormValues,
} from './case-form.ts';
import { LanguagesField } from './LanguagesField.tsx';
import { CaseReportFields } from './CaseReportFields.tsx';
import { useRoute } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { describeError } from '../../base/i18n.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Field } from '../../components/Field.tsx';
import { FormFooter } from '../../components/FormFooter.tsx';

export function CaseForm({ id }: { id?: string }) {
  const existing = useCases((s) => (id ? s.cases.find((c) => c.id === id) : undefined));
  if (id && !existing) {
    return (
      <section className="page">
        <Notice tone="warning">
          <FormattedMessage id="error.notFound" defaultMessage="That case no longer exists." />
        </Notice>
      </section>
    );
  }
  return (
    <CaseFormBody
      key={id ?? 'new'}
      id={id}
      initial={existing ? caseFormFrom(existing) : emptyCaseForm()}
    />
  );
}

function CaseFormBody({ id, initial }: { id: string | undefined; initial: CaseFormValues }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<CaseFormErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  const { back, replace } = useRoute.getState();
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const intl = useIntl();
  const t = intl.formatMessage;

  const set = <K extends CaseFormField>(field: K, value: CaseFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // A row's errors go with any change to its list (rows move when one is removed).
    setErrors((e) =>
      Object.fromEntries(
        Object.entries(e).filter(([key]) => key !== field && !key.startsWith(`${field}.`)),
      ),
    );
  };

  const save = async () => {
    if (saving) return;
    const result = validateCaseForm(intl, values);
    if (!result.ok) {
      setErrors(result.errors);
      // The first wrong input in the form's order, once the errors are drawn.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    setSaveError(null);
    const store = useCases.getState();
    const outcome = id
      ? await store.update({ id, ...result.fields })
      : await store.create(result.fields);
    setSaving(false);
    if (!outcome.ok) {
      setSaveError(describeError(intl, outcome.error));
      return;
    }
    store.select(outcome.value.id);
    if (id) back();
    else replace({ name: 'case', id: outcome.value.id });
  };

  const leave = () => (dirty ? setConfirmDiscard(true) : back());
  useShortcut('save', () => void save());
  useShortcut('back', leave);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const title = id
    ? t({ id: 'cases.form.editTitle', defaultMessage: 'Edit case' })
    : t({ id: 'cases.new', defaultMessage: 'New case' });
  return (
    <section className="page page-narrow" aria-labelledby="form-title">
      <header className="page-header">
        <h1 id="form-title" className="page-title">
          {title}
        </h1>
      </header>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate data-testid="case-form">
        <Field
          label={t({ id: 'cases.form.title', defaultMessage: 'Title' })}
          error={errors.title}
          required
        >
          {(a) => (
            <input
              {...a}
              name="title"
              className="input"
              value={values.title}
              onChange={(e) => set('title', e.target.value)}
              maxLength={300}
              dir="auto"
              autoComplete="off"
              autoFocus
              data-testid="case-title-input"
            />
          )}
        </Field>
        <Field
          label={t({ id: 'cases.fact.kind', defaultMessage: 'Kind' })}
          error={errors.kind}
          required
        >
          {(a) => (
            <select
              {...a}
              name="kind"
              className="select"
              value={values.kind}
              onChange={(e) => set('kind', caseKinds.find((k) => k === e.target.value) ?? '')}
              data-testid="case-kind"
            >
              <option value="">
                {t({ id: 'cases.form.chooseKind', defaultMessage: 'Choose a kind…' })}
              </option>
              {caseKinds.map((k) => (
                <option key={k} value={k}>
                  {caseKindLabel(intl, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field field-check">
          <label className="check">
            <input
              type="checkbox"
              name="emergency"
              checked={values.emergency}
              onChange={(e) => set('emergency', e.target.checked)}
              data-testid="case-emergency"
            />
            <span>
              <span className="check-label">
                <FormattedMessage id="cases.priority.emergency" defaultMessage="Emergency" />
              </span>
              <span className="field-hint">
                <FormattedMessage
                  id="cases.form.emergencyHint"
                  defaultMessage="Someone may be in danger now. Emergency cases are listed first."
                />
              </span>
            </span>
          </label>
        </div>
        <LanguagesField
          value={values.languages}
          error={errors.languages}
          onChange={(v) => set('languages', v)}
        />
        <Field
          label={t({ id: 'cases.refs.title', defaultMessage: 'External references' })}
          hint={t({
            id: 'cases.form.refsHint',
            defaultMessage: 'Ticket numbers, usernames, page addresses: one per line.',
          })}
          error={errors.externalRefs}
        >
          {(a) => (
            <textarea
              {...a}
              name="externalRefs"
              className="textarea"
              rows={3}
              value={values.externalRefs}
              onChange={(e) => set('externalRefs', e.target.value)}
              dir="auto"
              spellCheck={false}
              data-testid="case-refs"
            />
          )}
        </Field>
        <CaseReportFields
          incidentAt={values.incidentAt}
          incidents={values.incidents}
          accounts={values.reportedAccounts}
          errors={errors}
          onIncidentAt={(v) => set('incidentAt', v)}
          onIncidents={(v) => set('incidents', v)}
          onAccounts={(v) => set('reportedAccounts', v)}
        />
        <Field label={t({ id: 'cases.notes.title', defaultMessage: 'Notes' })} error={errors.notes}>
          {(a) => (
            <textarea
              {...a}
              name="notes"
              className="textarea textarea-notes"
              rows={8}
              value={values.notes}
              onChange={(e) => set('notes', e.target.value)}
              dir="auto"
              data-testid="case-notes"
            />
          )}
        </Field>
        <FormFooter
          error={saveError}
          onCancel={leave}
          cancel={
            <>
              <FormattedMessage id="common.cancel" defaultMessage="Cancel" /> <Kbd spec="Escape" />
            </>
          }
          variant="form"
        >
          <button
            type="submit"
            className="button button-primary"
            data-testid="save-case"
            aria-disabled={saving || undefined}
            aria-keyshortcuts="Control+Enter"
          >
            {id ? (
              <FormattedMessage id="cases.form.save" defaultMessage="Save changes" />
            ) : (
              <FormattedMessage id="cases.form.create" defaultMessage="Create case" />
            )}{' '}
            <Kbd spec="Ctrl+Enter" />
          </button>
        </FormFooter>
      </form>
      {confirmDiscard && (
        <Dialog
          title={t({ id: 'cases.discard.title', defaultMessage: 'Discard your changes?' })}
          onClose={() => setConfirmDiscard(false)}
          initialFocus={keepEditingRef}
          testId="discard-dialog"
        >
          <p>
            <FormattedMessage
              id="cases.discard.lead"
              defaultMessage="What you typed in this form has not been saved."
            />
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => back()}>
              <FormattedMessage id="cases.discard.confirm" defaultMessage="Discard changes" />
            </button>
            <button
              ref={keepEditingRef}
              type="button"
              className="button button-primary"
              onClick={() => setConfirmDiscard(false)}
            >
              <FormattedMessage id="cases.discard.keep" defaultMessage="Keep editing" />
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
