// The lock screen. Shown alone: while it is up, no case data exists in the renderer.
import { useRef, useState, type FormEvent } from 'react';
import { useVault, type LockReason } from './vault.store.ts';
import { PassphraseField, RevealToggle } from './PassphraseField.tsx';
import { describeError } from '../../base/i18n.ts';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';

const reasons: Partial<Record<LockReason, MessageDescriptor>> = defineMessages({
  idle: {
    id: 'vault.locked.idle',
    defaultMessage: 'Custody locked itself after a period without activity.',
  },
  system: {
    id: 'vault.locked.system',
    defaultMessage: 'Custody locked itself because the computer was locked or went to sleep.',
  },
});

export function UnlockScreen() {
  const busy = useVault((s) => s.busy);
  const error = useVault((s) => s.error);
  const lockReason = useVault((s) => s.lockReason);
  const [passphrase, setPassphrase] = useState('');
  const [revealed, setRevealed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const wrong = error?.code === 'WRONG_PASSPHRASE';
  const intl = useIntl();
  const t = intl.formatMessage;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') return inputRef.current?.focus();
    const unlocked = await useVault.getState().unlock(passphrase);
    if (!unlocked) {
      // Back to the field with the text selected: typing replaces it, Show lets one check it.
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };

  const reason = lockReason ? reasons[lockReason] : undefined;
  return (
    <section className="gate" aria-labelledby="unlock-title" data-testid="unlock-screen">
      <form className="gate-card" onSubmit={(event) => void submit(event)} noValidate>
        <h1 id="unlock-title" className="gate-title">
          <FormattedMessage id="vault.locked.title" defaultMessage="Custody is locked" />
        </h1>
        <p className="gate-lead">
          {reason
            ? t(reason)
            : t({
                id: 'vault.locked.lead',
                defaultMessage: 'Enter your passphrase to open the vault.',
              })}
        </p>
        <PassphraseField
          label={t({ id: 'vault.passphrase', defaultMessage: 'Passphrase' })}
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            if (error) useVault.getState().clearError();
          }}
          testId="passphrase"
          inputRef={inputRef}
          autoComplete="current-password"
          autoFocus
          busy={busy}
          revealed={revealed}
          invalid={wrong}
          description={
            error ? (
              <span data-testid="unlock-error" className="field-error" role="alert">
                {describeError(intl, error)}
              </span>
            ) : undefined
          }
        />
        <div className="gate-actions">
          <RevealToggle revealed={revealed} onToggle={() => setRevealed((r) => !r)} />
          <button
            type="submit"
            className="button button-primary"
            data-testid="unlock"
            aria-disabled={busy || undefined}
          >
            {busy
              ? t({ id: 'vault.unlocking', defaultMessage: 'Unlocking…' })
              : t({ id: 'vault.unlock', defaultMessage: 'Unlock' })}
          </button>
        </div>
      </form>
    </section>
  );
}
