// The reviewer's settings: the language, the category schemes they work in, how reveals behave,
// when the vault locks, when to suggest a break, and screen-capture protection (with a plain word
// about Linux). Every grid is veiled; there is no setting for it, since a setting that changed
// nothing would mislead.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useRoute } from '../../base/route.store.ts';
import { useShortcut } from '../../base/use-shortcut.ts';
import { describeError } from '../../base/i18n.ts';
import { Check } from '../../components/Check.tsx';
import { Field } from '../../components/Field.tsx';
import { Kbd } from '../../components/Kbd.tsx';
import { Notice } from '../../components/Notice.tsx';
import { useSettings } from './settings.store.ts';
import { VaultCheckSection } from './VaultCheckSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { SchemesSection } from './SchemesSection.tsx';
import { ReporterSection } from './ReporterSection.tsx';
import { TextGateSection } from './TextGateSection.tsx';
import {
  formFrom,
  onLinux,
  validateSettings,
  type SettingsErrors,
  type SettingsFormValues,
} from './settings-form.ts';
import './settings.css';

export function SettingsScreen() {
  const loaded = useSettings((s) => s.loaded);
  useEffect(() => void useSettings.getState().load(), []);
  if (!loaded) {
    return (
      <section className="page page-narrow" aria-busy="true">
        <p className="muted">
          <FormattedMessage id="settings.loading" defaultMessage="Reading your settings…" />
        </p>
      </section>
    );
  }
  return <SettingsForm initial={formFrom(useSettings.getState().settings)} />;
}

function NumberField(props: {
  label: string;
  hint: string;
  unit: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(a) => (
        <span className="number-field">
          <input
            {...a}
            className="input input-number"
            inputMode="numeric"
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            data-testid={props.testId}
          />
          <span className="muted">{props.unit}</span>
        </span>
      )}
    </Field>
  );
}

function SettingsForm({ initial }: { initial: SettingsFormValues }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { back } = useRoute.getState();
  const intl = useIntl();
  const t = intl.formatMessage;
  const linux = onLinux(navigator.userAgent);

  useEffect(() => headingRef.current?.focus(), []);

  const set = <K extends keyof SettingsFormValues>(field: K, value: SettingsFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setSaved(null);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const save = async () => {
    const result = validateSettings(intl, values);
    if (!result.ok) {
      setErrors(result.errors);
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const outcome = await useSettings.getState().save(result.settings);
    if (!outcome.ok) return setSaveError(describeError(intl, outcome.error));
    setSaveError(null);
    setValues(formFrom(outcome.value));
    setSaved(
      t({
        id: 'settings.saved',
        defaultMessage: 'Saved. The new settings apply from the next reveal.',
      }),
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  useShortcut('save', () => void save());
  useShortcut('back', back);

  return (
    <section className="page page-narrow" aria-labelledby="settings-title" data-testid="settings">
      <button type="button" className="button-link back-link" onClick={back}>
        <FormattedMessage id="common.backArrow" defaultMessage="← Back" />
      </button>
      <h1 id="settings-title" className="page-title" tabIndex={-1} ref={headingRef}>
        <FormattedMessage id="settings.title" defaultMessage="Settings" />
      </h1>
      <LanguageSection />
      <SchemesSection />
      <TextGateSection />
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="fieldset">
          <legend className="fieldset-legend">
            <FormattedMessage id="settings.reveal.legend" defaultMessage="Revealing images" />
          </legend>
          <NumberField
            label={t({ id: 'settings.revealSeconds.label', defaultMessage: 'Veil again after' })}
            hint={t({
              id: 'settings.revealSeconds.hint',
              defaultMessage:
                'From 3 to 120 seconds. Leaving the window or opening another item veils at once.',
            })}
            unit={t({ id: 'settings.revealSeconds.unit', defaultMessage: 'seconds' })}
            error={errors.revealSeconds}
            value={values.revealSeconds}
            onChange={(v) => set('revealSeconds', v)}
            testId="setting-revealSeconds"
          />
          <Check
            label={t({ id: 'settings.greyStep.label', defaultMessage: 'Offer a greyscale step' })}
            hint={t({
              id: 'settings.greyStep.hint',
              defaultMessage:
                'Between the outline and colour. Off: the ladder goes from outline straight to colour.',
            })}
            checked={values.greyStep}
            onChange={(v) => set('greyStep', v)}
            testId="setting-greyStep"
          />
          <Check
            label={t({
              id: 'settings.reasonPrompt.label',
              defaultMessage: 'Ask for a reason before unveiling',
            })}
            hint={t({
              id: 'settings.reasonPrompt.hint',
              defaultMessage: 'Your reason is kept as a note on the item, with the custody record.',
            })}
            checked={values.reasonPrompt}
            onChange={(v) => set('reasonPrompt', v)}
            testId="setting-reasonPrompt"
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="fieldset-legend">
            <FormattedMessage id="settings.care.legend" defaultMessage="Looking after yourself" />
          </legend>
          <NumberField
            label={t({ id: 'settings.break.label', defaultMessage: 'Suggest a break after' })}
            hint={t({
              id: 'settings.break.hint',
              defaultMessage:
                'Minutes of unveiled images in a day; the suggestion comes again after each further stretch.',
            })}
            unit={t({ id: 'settings.break.unit', defaultMessage: 'minutes unveiled' })}
            error={errors.exposureBreakMinutes}
            value={values.exposureBreakMinutes}
            onChange={(v) => set('exposureBreakMinutes', v)}
            testId="setting-exposureBreakMinutes"
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="fieldset-legend">
            <FormattedMessage id="settings.screen.legend" defaultMessage="Protecting the screen" />
          </legend>
          <NumberField
            label={t({ id: 'settings.autoLock.label', defaultMessage: 'Lock after' })}
            hint={t({
              id: 'settings.autoLock.hint',
              defaultMessage:
                'Minutes without activity. Custody also locks when the computer locks or sleeps.',
            })}
            unit={t({ id: 'settings.autoLock.unit', defaultMessage: 'minutes idle' })}
            error={errors.autoLockMinutes}
            value={values.autoLockMinutes}
            onChange={(v) => set('autoLockMinutes', v)}
            testId="setting-autoLockMinutes"
          />
          <Check
            label={t({
              id: 'settings.contentProtection.label',
              defaultMessage: 'Keep Custody out of screenshots and screen sharing',
            })}
            hint={t({
              id: 'settings.contentProtection.hint',
              defaultMessage: 'Works on macOS and Windows, as a deterrent rather than a guarantee.',
            })}
            checked={values.contentProtection}
            onChange={(v) => set('contentProtection', v)}
            testId="setting-contentProtection"
          />
          <Notice tone={linux ? 'warning' : 'info'} testId="linux-protection">
            {linux
              ? t({
                  id: 'settings.linux.here',
                  defaultMessage:
                    'This computer runs Linux, which has no content protection: screenshots and screen sharing can capture Custody. Close sharing tools before unveiling.',
                })
              : t({
                  id: 'settings.linux.elsewhere',
                  defaultMessage:
                    'Linux has no content protection: on Linux, screenshots and screen sharing can capture Custody whatever this setting says.',
                })}
          </Notice>
        </fieldset>
        {saveError && (
          <Notice tone="warning" role="alert">
            {saveError}
          </Notice>
        )}
        {saved && <Notice testId="settings-saved">{saved}</Notice>}
        <div className="form-actions">
          <button type="button" className="button" onClick={back}>
            <FormattedMessage id="common.back" defaultMessage="Back" /> <Kbd spec="Escape" />
          </button>
          <button type="submit" className="button button-primary" data-testid="save-settings">
            <FormattedMessage id="settings.save" defaultMessage="Save settings" />{' '}
            <Kbd spec="Ctrl+Enter" />
          </button>
        </div>
      </form>
      <ReporterSection />
      <VaultCheckSection />
    </section>
  );
}
