// The lock screen. Shown alone: while it is up, no case data exists in the renderer.
import { useRef, useState, type FormEvent } from 'react';
import { useVault, type LockReason } from './vault.store.ts';
import { PassphraseField, RevealToggle } from './PassphraseField.tsx';
import { describeError } from '../../base/i18n.ts';

const reasons: Partial<Record<LockReason, string>> = {
  idle: 'Custody locked itself after a period without activity.',
  system: 'Custody locked itself because the computer was locked or went to sleep.',
};

export function UnlockScreen() {
  const busy = useVault((s) => s.busy);
  const error = useVault((s) => s.error);
  const lockReason = useVault((s) => s.lockReason);
  const [passphrase, setPassphrase] = useState('');
  const [revealed, setRevealed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const wrong = error?.code === 'WRONG_PASSPHRASE';

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
          Custody is locked
        </h1>
        <p className="gate-lead">{reason ?? 'Enter your passphrase to open the vault.'}</p>
        <PassphraseField
          label="Passphrase"
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
                {describeError(error)}
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
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </div>
      </form>
    </section>
  );
}
