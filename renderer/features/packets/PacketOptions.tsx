// The packet's recipient, contents, encryption and destination.
import { defineMessage, useIntl, type MessageDescriptor } from 'react-intl';
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

const encryptions: [Encryption, MessageDescriptor][] = [
  ['none', defineMessage({ id: 'packets.encryption.none', defaultMessage: 'Not encrypted' })],
  [
    'recipient',
    defineMessage({
      id: 'packets.encryption.recipient',
      defaultMessage: 'To the recipient’s age key',
    }),
  ],
  [
    'passphrase',
    defineMessage({ id: 'packets.encryption.passphrase', defaultMessage: 'With a passphrase' }),
  ],
];

export function PacketOptions({ values, errors, set }: OptionsProps) {
  const t = useIntl().formatMessage;
  const chooseEncryption = (encryption: Encryption) => {
    set('encryption', encryption);
    set('out', withEncryptionSuffix(values.out, encryption !== 'none'));
  };
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">
          {t({ id: 'packets.options.forWhom', defaultMessage: 'For whom' })}
        </legend>
        <TextField
          label={t({ id: 'packets.options.agency', defaultMessage: 'Agency or team' })}
          error={errors.agency}
          hint={t({
            id: 'packets.options.agencyHint',
            defaultMessage: 'Printed on the report’s cover sheet.',
          })}
          value={values.agency}
          onChange={(v) => set('agency', v)}
          testId="packet-agency"
          dir="auto"
        />
        <TextField
          label={t({ id: 'packets.options.reference', defaultMessage: 'Their reference' })}
          error={errors.reference}
          hint={t({
            id: 'packets.options.referenceHint',
            defaultMessage: 'A case or ticket number; kept with the file hashes for good.',
          })}
          value={values.reference}
          onChange={(v) => set('reference', v)}
          testId="packet-reference"
          dir="auto"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">
          {t({ id: 'packets.summary.title', defaultMessage: 'What goes in' })}
        </legend>
        <Check
          label={t({ id: 'packets.options.originals', defaultMessage: 'The original files' })}
          hint={t({
            id: 'packets.options.originalsHint',
            defaultMessage: 'Off: hashes and metadata only, for a first report.',
          })}
          checked={values.includeOriginals}
          onChange={(v) => set('includeOriginals', v)}
          testId="packet-originals"
        />
        <Check
          label={t({ id: 'cases.notes.title', defaultMessage: 'Notes' })}
          hint={t({
            id: 'packets.options.notesHint',
            defaultMessage: 'Your notes on the items, as written.',
          })}
          checked={values.includeNotes}
          onChange={(v) => set('includeNotes', v)}
          testId="packet-notes"
        />
        <Check
          label={t({
            id: 'packets.options.parents',
            defaultMessage: 'The files they came out of',
          })}
          hint={t({
            id: 'packets.options.parentsHint',
            defaultMessage:
              'For an attachment or a file from an archive: the e-mail or archive it was in, too.',
          })}
          checked={values.includeParents}
          onChange={(v) => set('includeParents', v)}
          testId="packet-parents"
        />
        <Check
          label={t({
            id: 'packets.options.thumbnails',
            defaultMessage: 'Veiled thumbnails in the report',
          })}
          hint={t({
            id: 'packets.options.thumbnailsHint',
            defaultMessage:
              'Blurred and grey, as in the grid. Off by default: the report reads well without them.',
          })}
          checked={values.includeThumbnails}
          onChange={(v) => set('includeThumbnails', v)}
          testId="packet-thumbnails"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">
          {t({ id: 'packets.options.encryption', defaultMessage: 'Encryption' })}
        </legend>
        <div
          className="radio-row"
          role="radiogroup"
          aria-label={t({ id: 'packets.options.encryption', defaultMessage: 'Encryption' })}
        >
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
              <span>{t(label)}</span>
            </label>
          ))}
        </div>
        {values.encryption === 'recipient' && (
          <TextField
            label={t({
              id: 'packets.options.recipient',
              defaultMessage: 'Recipient (age public key)',
            })}
            error={errors.recipient}
            hint={t({
              id: 'packets.options.recipientHint',
              defaultMessage:
                'It starts with age1. They open the packet with the age tool and their own key.',
            })}
            value={values.recipient}
            onChange={(v) => set('recipient', v)}
            testId="packet-recipient"
            dir="ltr"
          />
        )}
        {values.encryption === 'passphrase' && (
          <>
            <Field
              label={t({ id: 'packets.options.passphrase', defaultMessage: 'Packet passphrase' })}
              error={errors.passphrase}
              hint={t({
                id: 'packets.options.passphraseHint',
                defaultMessage:
                  'At least 12 characters. Send it by another channel than the packet.',
              })}
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
            <Field
              label={t({ id: 'vault.create.again', defaultMessage: 'Type it again' })}
              error={errors.passphraseAgain}
            >
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
        <legend className="fieldset-legend">
          {t({ id: 'packets.options.where', defaultMessage: 'Where it goes' })}
        </legend>
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
