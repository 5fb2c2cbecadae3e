// First run: choose the passphrase. The screen says plainly that nobody can recover it.
import { useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useVault } from './vault.store.ts';
import { passphraseStrength, MIN_PASSPHRASE_LENGTH } from './passphrase-strength.ts';
import { PassphraseField, RevealToggle } from './PassphraseField.tsx';
import { StrengthMeter } from './StrengthMeter.tsx';
import { Notice } from '../../components/Notice.tsx';
import { Field } from '../../components/Field.tsx';
import { describeError } from '../../base/i18n.ts';

export function CreateVault() {
  const busy = useVault((s) => s.busy);
  const error = useVault((s) => s.error);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [revealed, setRevealed] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const strengthId = useId();
  const intl = useIntl();
  const t = intl.formatMessage;

  const strength = passphraseStrength(passphrase);
  const mismatch =
    confirmation !== passphrase &&
    (confirmation.length >= passphrase.length || (attempted && strength.acceptable));
  const tooShort = attempted && !strength.acceptable;
  const nameMissing = attempted && name.trim() === '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (name.trim() === '') return nameRef.current?.focus();
    if (!strength.acceptable) return passphraseRef.current?.focus();
    if (confirmation !== passphrase) return confirmRef.current?.focus();
    await useVault.getState().create(passphrase, name.trim());
  };

  return (
    <section className="gate" aria-labelledby="create-title" data-testid="create-screen">
      <form className="gate-card" onSubmit={(event) => void submit(event)} noValidate>
        <h1 id="create-title" className="gate-title" tabIndex={-1}>
          <FormattedMessage id="vault.create.title" defaultMessage="Create your vault" />
        </h1>
        <p className="gate-lead">
          <FormattedMessage
            id="vault.create.lead"
            defaultMessage="Everything you bring into Custody is encrypted with a key that only this passphrase opens."
          />
        </p>
        <Notice tone="warning">
          <FormattedMessage
            id="vault.create.warning"
            defaultMessage="<strong>A forgotten passphrase cannot be recovered</strong>, not by your organisation and not by support. Without it the evidence stays encrypted for good. Keep a copy somewhere safe, away from this computer."
            values={{ strong: (chunks) => <strong>{chunks}</strong> }}
          />
        </Notice>
        <Field
          label={t({
            id: 'vault.create.name',
            defaultMessage: 'Your name, as colleagues and the custody log will show it',
          })}
          error={
            nameMissing
              ? t({ id: 'vault.create.name-missing', defaultMessage: 'Enter your name.' })
              : undefined
          }
          required
        >
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              className="input"
              data-testid="reviewer-name"
              autoComplete="name"
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
          )}
        </Field>
        <PassphraseField
          label={t({ id: 'vault.passphrase', defaultMessage: 'Passphrase' })}
          value={passphrase}
          onChange={setPassphrase}
          testId="passphrase"
          inputRef={passphraseRef}
          autoComplete="new-password"
          busy={busy}
          revealed={revealed}
          invalid={tooShort}
          description={
            <>
              {passphrase && <StrengthMeter strength={strength} id={strengthId} />}
              <p>
                <FormattedMessage
                  id="vault.create.hint"
                  defaultMessage="At least {min} characters. Four or more unrelated words are easy to type and hard to guess."
                  values={{ min: MIN_PASSPHRASE_LENGTH }}
                />
              </p>
            </>
          }
        />
        <PassphraseField
          label={t({ id: 'vault.create.again', defaultMessage: 'Type it again' })}
          value={confirmation}
          onChange={setConfirmation}
          testId="passphrase-confirm"
          inputRef={confirmRef}
          autoComplete="new-password"
          busy={busy}
          revealed={revealed}
          invalid={mismatch}
          description={
            mismatch
              ? t({
                  id: 'vault.create.mismatch',
                  defaultMessage: 'The two passphrases are not the same yet.',
                })
              : undefined
          }
        />
        {error && (
          <Notice tone="warning" role="alert">
            {describeError(intl, error)}
          </Notice>
        )}
        <div className="gate-actions">
          <RevealToggle revealed={revealed} onToggle={() => setRevealed((r) => !r)} />
          <button
            type="submit"
            className="button button-primary"
            data-testid="create-vault"
            aria-disabled={busy || undefined}
          >
            {busy
              ? t({ id: 'vault.create.busy', defaultMessage: 'Creating the vault…' })
              : t({ id: 'vault.create.submit', defaultMessage: 'Create vault' })}
          </button>
        </div>
      </form>
    </section>
  );
}
