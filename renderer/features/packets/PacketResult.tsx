// Where the packet went, and how its recipient checks it: the packet id, the workstation key's
// fingerprint to pin (sent by another channel), and the command to run.
import type { BuiltPacket } from './packets.store.ts';
import { formatBytes, plural } from '../../base/i18n.ts';
import { groupFingerprint, verifyCommand, type Encryption } from './packet-form.ts';

interface ResultProps {
  built: BuiltPacket;
  encryption: Encryption;
  agency: string;
  reference: string;
}

export function PacketResult({ built, encryption, agency, reference }: ResultProps) {
  return (
    <section className="packet-result" aria-labelledby="result-title" data-testid="packet-result">
      <h2 id="result-title" className="section-title">
        Packet written
      </h2>
      <dl className="facts">
        <dt>File</dt>
        <dd>
          <code className="hash-value" data-testid="packet-out">
            {built.out}
          </code>
        </dd>
        {(agency.trim() || reference.trim()) && (
          <>
            <dt>For</dt>
            <dd>
              <bdi dir="auto">{agency.trim() || 'No agency named'}</bdi>
              {reference.trim() && (
                <>
                  , reference <bdi dir="auto">{reference.trim()}</bdi>
                </>
              )}
            </dd>
          </>
        )}
        <dt>Packet id</dt>
        <dd>
          <code className="hash-value" data-testid="packet-id">
            {built.packetId}
          </code>
        </dd>
        <dt>Contents</dt>
        <dd>
          {plural(built.items, 'item', 'items')}, {plural(built.originals, 'original', 'originals')}
          , {formatBytes(built.bytes)}
          {built.encrypted === 'none'
            ? ', not encrypted'
            : built.encrypted === 'age-recipient'
              ? ', encrypted to the recipient'
              : ', encrypted with a passphrase'}
        </dd>
        <dt>Signed by</dt>
        <dd>
          <code className="hash-value fingerprint" data-testid="packet-fingerprint">
            {groupFingerprint(built.fingerprint)}
          </code>
        </dd>
      </dl>
      <div className="verify-how">
        <h3 className="section-title">How the recipient checks it</h3>
        <ol>
          <li>
            Send the fingerprint above by another channel than the packet (read it out on a call, or
            in a signed message), so they can pin it.
          </li>
          {encryption === 'passphrase' && (
            <li>Give them the passphrase by yet another channel; never with the packet.</li>
          )}
          <li>
            They run the verifier that ships with Custody. It needs no vault:
            <pre className="command" data-testid="verify-command">
              {verifyCommand(built.out, built.fingerprint, encryption)}
            </pre>
            It checks the signature, every file&apos;s hash and the custody entries, and says VALID
            only when the pinned key signed it. Keep the packet id with their reference: the custody
            log records this export under it.
          </li>
        </ol>
      </div>
    </section>
  );
}
