// "Check the vault": runs the core's full check on request and shows what it found, calmly. A
// damaged file is named (through SafeText: names come from the evidence) with where it belongs, so
// support can be told exactly; nothing is repaired or removed from here.
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../../base/i18n.ts';
import { Notice } from '../../components/Notice.tsx';
import { SafeText } from '../../components/SafeText.tsx';
import type { VaultCheck } from '../../../shared/domain/vault.ts';
import { useVaultCheck } from './vault-check.store.ts';

export function VaultCheckSection() {
  const intl = useIntl();
  const running = useVaultCheck((s) => s.running);
  const result = useVaultCheck((s) => s.result);
  const error = useVaultCheck((s) => s.error);
  return (
    <section className="fieldset" aria-labelledby="vault-check-title" data-testid="vault-check">
      <h2 id="vault-check-title" className="fieldset-legend">
        <FormattedMessage id="vaultCheck.title" defaultMessage="Check the vault" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="vaultCheck.lead"
          defaultMessage="Reads the database and every stored file to find damage, for example after a disk problem. On a large vault this takes a while."
        />
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => void useVaultCheck.getState().run()}
          data-testid="run-vault-check"
        >
          <FormattedMessage id="vaultCheck.run" defaultMessage="Check the vault" />
        </button>
      </div>
      {running && (
        <p className="muted" role="status" aria-live="polite" data-testid="vault-check-running">
          <FormattedMessage
            id="vaultCheck.running"
            defaultMessage="Checking the database and every stored file…"
          />
        </p>
      )}
      {error && (
        <Notice tone="warning" role="alert">
          <FormattedMessage
            id="vaultCheck.failed"
            defaultMessage="The check could not run: {reason}"
            values={{ reason: describeError(intl, error) }}
          />
        </Notice>
      )}
      {result && <VaultCheckResult result={result} />}
    </section>
  );
}

function VaultCheckResult({ result }: { result: VaultCheck }) {
  const files = result.blobs.checked;
  if (result.healthy) {
    return (
      <Notice testId="vault-check-result">
        <FormattedMessage
          id="vaultCheck.healthy"
          defaultMessage="Healthy: database and {files, plural, one {# file} other {# files}} checked."
          values={{ files }}
        />
      </Notice>
    );
  }
  const { damaged } = result.blobs;
  return (
    <Notice tone="warning" testId="vault-check-result">
      <p>
        <FormattedMessage
          id="vaultCheck.problems"
          defaultMessage="The check found problems ({files, plural, one {# file} other {# files}} checked). <strong>Keep the vault as it is and contact support</strong>: do not delete or move it."
          values={{ files, strong: (chunks) => <strong>{chunks}</strong> }}
        />
      </p>
      {result.database.problems.length > 0 && (
        <>
          <p>
            <FormattedMessage id="vaultCheck.database" defaultMessage="The database:" />
          </p>
          {/* The core's own words for each problem (English, technical: for support). */}
          <ul data-testid="vault-check-database" dir="ltr">
            {result.database.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </>
      )}
      {damaged.length > 0 && (
        <>
          <p>
            <FormattedMessage
              id="vaultCheck.damaged"
              defaultMessage="{count, plural, one {# damaged file} other {# damaged files}}:"
              values={{ count: damaged.length }}
            />
          </p>
          <ul data-testid="vault-check-damaged">
            {damaged.map((d) => (
              <li key={d.blobId}>
                <FormattedMessage
                  id="vaultCheck.damagedFile"
                  defaultMessage="{file} (item {item}, case {case}): {reason}"
                  values={{
                    file: (
                      <bdi>
                        {d.fileName ? (
                          <SafeText text={d.fileName} />
                        ) : (
                          <FormattedMessage
                            id="vaultCheck.storedFile"
                            defaultMessage="stored file {id}"
                            values={{ id: <bdi dir="ltr">{d.blobId}</bdi> }}
                          />
                        )}
                      </bdi>
                    ),
                    item: <bdi dir="ltr">{d.itemId ?? '—'}</bdi>,
                    case: <bdi dir="ltr">{d.caseId ?? '—'}</bdi>,
                    reason: <bdi dir="ltr">{d.reason}</bdi>,
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </Notice>
  );
}
