// Where the packet goes: a path to type, or one the platform's save dialog chose. The field stays
// editable either way; where there is no dialog (the browser harness without a script, a CLI-like
// surface) a calm line says to type the path.
import { useState } from 'react';
import { describeError } from '../../base/i18n.ts';
import { Field } from '../../components/Field.tsx';
import { usePackets } from './packets.store.ts';
import { defaultOut, fileNameOf, withEncryptionSuffix } from './packet-form.ts';

interface PacketOutFieldProps {
  value: string;
  error: string | undefined;
  encrypted: boolean;
  onChange: (value: string) => void;
}

export function PacketOutField({ value, error, encrypted, onChange }: PacketOutFieldProps) {
  const [choosing, setChoosing] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const choose = async () => {
    if (choosing) return;
    setChoosing(true);
    setNote(null);
    const suggested = fileNameOf(value, defaultOut([], new Date(), encrypted));
    const outcome = await usePackets.getState().pickOut(suggested);
    setChoosing(false);
    if (!outcome.ok) {
      setNote(
        outcome.error.code === 'UNSUPPORTED'
          ? 'Type a path instead: there is no save dialog here.'
          : describeError(outcome.error),
      );
    } else if (outcome.value !== null) {
      // The dialog may drop or add ".age"; the encryption choice decides the ending.
      onChange(withEncryptionSuffix(outcome.value, encrypted));
    }
  };

  return (
    <Field
      label="Save the packet as"
      error={error}
      hint="The full path of a new file; the folder must exist. The name says nothing about the case, on purpose."
    >
      {(a) => (
        <>
          <div className="path-row">
            <input
              {...a}
              className="input"
              value={value}
              onChange={(e) => onChange(e.target.value)}
              dir="ltr"
              maxLength={4096}
              autoComplete="off"
              spellCheck={false}
              data-testid="packet-out"
            />
            <button
              type="button"
              className="button"
              onClick={() => void choose()}
              aria-disabled={choosing || undefined}
              data-testid="packet-choose-out"
            >
              Choose…
            </button>
          </div>
          {note && (
            <p className="field-hint" role="status" data-testid="packet-choose-note">
              {note}
            </p>
          )}
        </>
      )}
    </Field>
  );
}
