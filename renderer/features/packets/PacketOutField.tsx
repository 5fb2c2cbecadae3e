// Where the packet goes: the platform's save dialog decides (the page cannot name a path). The
// field shows the prefilled name until then, and the chosen path after; Choose… opens the dialog
// on that name in the default folder. Where there is no dialog, a calm line says so.
import { useState } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { describeError } from '../../base/i18n.ts';
import { Field } from '../../components/Field.tsx';
import type { PathGrant } from '../../../shared/domain/path-grant.ts';
import { usePackets } from './packets.store.ts';
import { defaultOut, fileNameOf, withEncryptionSuffix } from './packet-form.ts';

interface PacketOutFieldProps {
  value: string;
  error: string | undefined;
  encrypted: boolean;
  onChoose: (target: PathGrant, shown: string) => void;
}

/** Opens the save dialog on the shown name; the choice, null when cancelled, or what went wrong. */
export async function chooseTarget(
  intl: IntlShape,
  shown: string,
  encrypted: boolean,
): Promise<{ target: PathGrant | null; shown: string; note: string | null }> {
  const suggested = fileNameOf(shown, defaultOut(new Date(), encrypted));
  const outcome = await usePackets.getState().pickOut(suggested);
  if (!outcome.ok) {
    const note =
      outcome.error.code === 'UNSUPPORTED'
        ? intl.formatMessage({
            id: 'packets.out.noDialog',
            defaultMessage: 'There is no save dialog here, so no packet can be saved.',
          })
        : describeError(intl, outcome.error);
    return { target: null, shown, note };
  }
  const target = outcome.value;
  // The dialog may drop or add ".age"; the encryption choice decides the ending (the core agrees).
  return {
    target,
    shown: target ? withEncryptionSuffix(target.path, encrypted) : shown,
    note: null,
  };
}

export function PacketOutField({ value, error, encrypted, onChoose }: PacketOutFieldProps) {
  const [choosing, setChoosing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const intl = useIntl();

  const choose = async () => {
    if (choosing) return;
    setChoosing(true);
    setNote(null);
    const chosen = await chooseTarget(intl, value, encrypted);
    setChoosing(false);
    setNote(chosen.note);
    if (chosen.target) onChoose(chosen.target, chosen.shown);
  };

  return (
    <Field
      label={intl.formatMessage({ id: 'packets.out.label', defaultMessage: 'Save the packet as' })}
      error={error}
      hint={intl.formatMessage({
        id: 'packets.out.hint',
        defaultMessage:
          'Choose… opens the save dialog on this name, in your Documents folder. The name says nothing about the case, on purpose.',
      })}
    >
      {(a) => (
        <>
          <div className="path-row">
            <input
              {...a}
              className="input"
              value={value}
              readOnly
              dir="ltr"
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
              <FormattedMessage id="packets.out.choose" defaultMessage="Choose…" />
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
