// Where the packet went, and how its recipient checks it: the packet id, the workstation key's
// fingerprint to pin (sent by another channel), and the command to run.
import { FormattedMessage, useIntl } from 'react-intl';
import type { BuiltPacket } from './packets.store.ts';
import { formatBytes } from '../../base/i18n.ts';
import { groupFingerprint, verifyCommand, type Encryption } from './packet-form.ts';

interface ResultProps {
  built: BuiltPacket;
  encryption: Encryption;
  agency: string;
  reference: string;
}

export function PacketResult({ built, encryption, agency, reference }: ResultProps) {
  const intl = useIntl();
  return (
    <section className="packet-result" aria-labelledby="result-title" data-testid="packet-result">
      <h2 id="result-title" className="section-title">
        <FormattedMessage id="packets.result.title" defaultMessage="Packet written" />
      </h2>
      <dl className="facts">
        <dt>
          <FormattedMessage id="packets.result.file" defaultMessage="File" />
        </dt>
        <dd>
          <code className="hash-value" dir="ltr" data-testid="packet-out">
            {built.out}
          </code>
        </dd>
        {(agency.trim() || reference.trim()) && (
          <>
            <dt>
              <FormattedMessage id="packets.result.for" defaultMessage="For" />
            </dt>
            <dd>
              <FormattedMessage
                id="packets.result.recipient"
                defaultMessage="{agency}{hasReference, select, yes {, reference {reference}} other {}}"
                values={{
                  agency: (
                    <bdi dir="auto">
                      {agency.trim() ||
                        intl.formatMessage({
                          id: 'packets.result.noAgency',
                          defaultMessage: 'No agency named',
                        })}
                    </bdi>
                  ),
                  hasReference: reference.trim() ? 'yes' : 'no',
                  reference: <bdi dir="auto">{reference.trim()}</bdi>,
                }}
              />
            </dd>
          </>
        )}
        <dt>
          <FormattedMessage id="packets.result.id" defaultMessage="Packet id" />
        </dt>
        <dd>
          <code className="hash-value" dir="ltr" data-testid="packet-id">
            {built.packetId}
          </code>
        </dd>
        <dt>
          <FormattedMessage id="packets.result.contents" defaultMessage="Contents" />
        </dt>
        <dd>
          <FormattedMessage
            id="packets.result.contentsLine"
            defaultMessage="{items, plural, one {# item} other {# items}}, {originals, plural, one {# original} other {# originals}}, {size}, {encryption, select, none {not encrypted} recipient {encrypted to the recipient} other {encrypted with a passphrase}}"
            values={{
              items: built.items,
              originals: built.originals,
              size: formatBytes(intl, built.bytes),
              encryption:
                built.encrypted === 'none'
                  ? 'none'
                  : built.encrypted === 'age-recipient'
                    ? 'recipient'
                    : 'passphrase',
            }}
          />
        </dd>
        <dt>
          <FormattedMessage id="packets.result.signedBy" defaultMessage="Signed by" />
        </dt>
        <dd>
          <code className="hash-value fingerprint" dir="ltr" data-testid="packet-fingerprint">
            {groupFingerprint(built.fingerprint)}
          </code>
        </dd>
      </dl>
      <div className="verify-how">
        <h3 className="section-title">
          <FormattedMessage
            id="packets.verify.title"
            defaultMessage="How the recipient checks it"
          />
        </h3>
        <ol>
          <li>
            <FormattedMessage
              id="packets.verify.fingerprint"
              defaultMessage="Send the fingerprint above by another channel than the packet (read it out on a call, or in a signed message), so they can pin it."
            />
          </li>
          {encryption === 'passphrase' && (
            <li>
              <FormattedMessage
                id="packets.verify.passphrase"
                defaultMessage="Give them the passphrase by yet another channel; never with the packet."
              />
            </li>
          )}
          <li>
            <FormattedMessage
              id="packets.verify.run"
              defaultMessage="They run the verifier that ships with Custody. It needs no vault:"
            />
            <pre className="command" dir="ltr" data-testid="verify-command">
              {verifyCommand(built.out, built.fingerprint, encryption)}
            </pre>
            <FormattedMessage
              id="packets.verify.what"
              defaultMessage="It checks the signature, every file’s hash and the custody entries, and says VALID only when the pinned key signed it. Keep the packet id with their reference: the custody log records this export under it."
            />
          </li>
        </ol>
      </div>
    </section>
  );
}
