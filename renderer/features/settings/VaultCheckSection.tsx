// "Check the vault": runs the core's full check on request and shows what it found, calmly. A
// damaged file is named (through SafeText: names come from the evidence) with where it belongs, so
// support can be told exactly; nothing is repaired or removed from here.
import { plural } from '../../base/i18n.ts';
import { Notice } from '../../components/Notice.tsx';
import { SafeText } from '../../components/SafeText.tsx';
import type { VaultCheck } from '../../../shared/domain/vault.ts';
import { useVaultCheck } from './vault-check.store.ts';

export function VaultCheckSection() {
  const running = useVaultCheck((s) => s.running);
  const result = useVaultCheck((s) => s.result);
  const error = useVaultCheck((s) => s.error);
  return (
    <section className="fieldset" aria-labelledby="vault-check-title" data-testid="vault-check">
      <h2 id="vault-check-title" className="fieldset-legend">
        Check the vault
      </h2>
      <p className="muted">
        Reads the database and every stored file to find damage, for example after a disk problem.
        On a large vault this takes a while.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => void useVaultCheck.getState().run()}
          data-testid="run-vault-check"
        >
          Check the vault
        </button>
      </div>
      {running && (
        <p className="muted" role="status" aria-live="polite" data-testid="vault-check-running">
          Checking the database and every stored file…
        </p>
      )}
      {error && (
        <Notice tone="warning" role="alert">
          The check could not run: {error}
        </Notice>
      )}
      {result && <VaultCheckResult result={result} />}
    </section>
  );
}

function VaultCheckResult({ result }: { result: VaultCheck }) {
  const files = plural(result.blobs.checked, 'file', 'files');
  if (result.healthy) {
    return <Notice testId="vault-check-result">Healthy: database and {files} checked.</Notice>;
  }
  const { damaged } = result.blobs;
  return (
    <Notice tone="warning" testId="vault-check-result">
      <p>
        The check found problems ({files} checked).{' '}
        <strong>Keep the vault as it is and contact support</strong>: do not delete or move it.
      </p>
      {result.database.problems.length > 0 && (
        <>
          <p>The database:</p>
          <ul data-testid="vault-check-database">
            {result.database.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </>
      )}
      {damaged.length > 0 && (
        <>
          <p>{plural(damaged.length, 'damaged file', 'damaged files')}:</p>
          <ul data-testid="vault-check-damaged">
            {damaged.map((d) => (
              <li key={d.blobId}>
                <bdi>
                  <SafeText text={d.fileName ?? `stored file ${d.blobId}`} />
                </bdi>{' '}
                <span className="muted">
                  (item {d.itemId ?? 'none'}, case {d.caseId ?? 'none'})
                </span>
                : {d.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </Notice>
  );
}
