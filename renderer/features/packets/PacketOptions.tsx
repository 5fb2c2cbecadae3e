// The packet's recipient, contents, encryption and destination.
import { Check } from '../../components/Check.tsx';
import { Field } from '../../components/Field.tsx';
import { PacketOutField } from './PacketOutField.tsx';
import {
  withEncryptionSuffix,
  type Encryption,
  type PacketErrors,
  type PacketFormValues,
} from './packet-form.ts';

interface OptionsProps {
  values: PacketFormValues;
  errors: PacketErrors;
  set: <K extends keyof PacketFormValues>(field: K, value: PacketFormValues[K]) => void;
}

function TextField(props: {
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  dir: 'auto' | 'ltr';
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(a) => (
        <input
          {...a}
          className="input"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          dir={props.dir}
          maxLength={4096}
          autoComplete="off"
          spellCheck={false}
          data-testid={props.testId}
        />
      )}
    </Field>
  );
}

const encryptions: [Encryption, string][] = [
  ['none', 'Not encrypted'],
  ['recipient', 'To the recipient’s age key'],
  ['passphrase', 'With a passphrase'],
];

export function PacketOptions({ values, errors, set }: OptionsProps) {
  const chooseEncryption = (encryption: Encryption) => {
    set('encryption', encryption);
    set('out', withEncryptionSuffix(values.out, encryption !== 'none'));
  };
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">For whom</legend>
        <TextField
          label="Agency or team"
          error={errors.agency}
          hint="Printed on the report's cover sheet."
          value={values.agency}
          onChange={(v) => set('agency', v)}
          testId="packet-agency"
          dir="auto"
        />
        <TextField
          label="Their reference"
          error={errors.reference}
          hint="A case or ticket number; kept with the file hashes for good."
          value={values.reference}
          onChange={(v) => set('reference', v)}
          testId="packet-reference"
          dir="auto"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">What goes in</legend>
        <Check
          label="The original files"
          hint="Off: hashes and metadata only, for a first report."
          checked={values.includeOriginals}
          onChange={(v) => set('includeOriginals', v)}
          testId="packet-originals"
        />
        <Check
          label="Notes"
          hint="Your notes on the items, as written."
          checked={values.includeNotes}
          onChange={(v) => set('includeNotes', v)}
          testId="packet-notes"
        />
        <Check
          label="Veiled thumbnails in the report"
          hint="Blurred and grey, as in the grid. Off by default: the report reads well without them."
          checked={values.includeThumbnails}
          onChange={(v) => set('includeThumbnails', v)}
          testId="packet-thumbnails"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Encryption</legend>
        <div className="radio-row" role="radiogroup" aria-label="Encryption">
          {encryptions.map(([value, label]) => (
            <label key={value} className="check check-compact">
              <input
                type="radio"
                name="encryption"
                value={value}
                checked={values.encryption === value}
                onChange={() => chooseEncryption(value)}
                data-testid={`encryption-${value}`}
              />
              <span>{label}</span>
            </label>
          ))}
        </div>
        {values.encryption === 'recipient' && (
          <TextField
            label="Recipient (age public key)"
            error={errors.recipient}
            hint="It starts with age1. They open the packet with the age tool and their own key."
            value={values.recipient}
            onChange={(v) => set('recipient', v)}
            testId="packet-recipient"
            dir="ltr"
          />
        )}
        {values.encryption === 'passphrase' && (
          <>
            <Field
              label="Packet passphrase"
              error={errors.passphrase}
              hint="At least 12 characters. Send it by another channel than the packet."
            >
              {(a) => (
                <input
                  {...a}
                  type="password"
                  className="input"
                  value={values.passphrase}
                  onChange={(e) => set('passphrase', e.target.value)}
                  autoComplete="new-password"
                  data-testid="packet-passphrase"
                />
              )}
            </Field>
            <Field label="Type it again" error={errors.passphraseAgain}>
              {(a) => (
                <input
                  {...a}
                  type="password"
                  className="input"
                  value={values.passphraseAgain}
                  onChange={(e) => set('passphraseAgain', e.target.value)}
                  autoComplete="new-password"
                  data-testid="packet-passphrase-again"
                />
              )}
            </Field>
          </>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Where it goes</legend>
        <PacketOutField
          value={values.out}
          error={errors.out}
          encrypted={values.encryption !== 'none'}
          onChoose={(target, shown) => {
            set('target', target);
            set('out', shown);
          }}
        />
      </fieldset>
    </>
  );
}
