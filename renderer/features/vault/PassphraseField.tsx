// One passphrase input: a label, an optional "show" toggle, a Caps Lock hint, and room for a hint
// or an error that screen readers hear with the field.
import { useId, useState, type ReactNode, type Ref } from 'react';
import { FormattedMessage } from 'react-intl';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  busy?: boolean;
  invalid?: boolean;
  /** Hint or error text, announced with the field. */
  description?: ReactNode;
  /** Whether the text is shown in clear, controlled by the parent when two fields share it. */
  revealed: boolean;
}

export function PassphraseField({ inputRef, ...props }: PassphraseFieldProps) {
  const id = useId();
  const [capsLock, setCapsLock] = useState(false);
  const descriptionId = `${id}-description`;
  const capsId = `${id}-caps`;
  const describedBy = [props.description ? descriptionId : '', capsLock ? capsId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="input input-passphrase"
        type={props.revealed ? 'text' : 'password'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyUp={(event) => setCapsLock(event.getModifierState('CapsLock'))}
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
        spellCheck={false}
        autoCapitalize="off"
        readOnly={props.busy}
        aria-invalid={props.invalid || undefined}
        aria-describedby={describedBy || undefined}
        data-testid={props.testId}
        dir="auto"
      />
      {capsLock && (
        <p id={capsId} className="field-hint field-hint-warning">
          <FormattedMessage id="vault.capsLock" defaultMessage="Caps Lock is on." />
        </p>
      )}
      {props.description && (
        <div id={descriptionId} className="field-hint">
          {props.description}
        </div>
      )}
    </div>
  );
}

export function RevealToggle({ revealed, onToggle }: { revealed: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-pressed={revealed}
      onClick={onToggle}
    >
      {revealed ? (
        <FormattedMessage id="vault.hidePassphrase" defaultMessage="Hide passphrase" />
      ) : (
        <FormattedMessage id="vault.showPassphrase" defaultMessage="Show passphrase" />
      )}
    </button>
  );
}
