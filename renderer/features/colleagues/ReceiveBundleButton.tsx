// Opens a handoff bundle (the open dialog packets' verify uses) and takes the case in; on success
// the case opens. A refusal is shown with its reason: nothing was imported.
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeError } from '../../base/i18n.ts';
import { useRoute } from '../../base/route.store.ts';
import { Notice } from '../../components/Notice.tsx';
import { useColleagues } from './colleagues.store.ts';

export function ReceiveBundleButton() {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    const outcome = await useColleagues.getState().receive();
    setBusy(false);
    if (!outcome.ok) return setError(describeError(intl, outcome.error));
    if (outcome.value) useRoute.getState().go({ name: 'case', id: outcome.value.caseId });
  };
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void open()}
        data-testid="open-bundle"
      >
        {busy ? (
          <FormattedMessage id="colleagues.receive.busy" defaultMessage="Checking the bundle…" />
        ) : (
          <FormattedMessage id="colleagues.receive.open" defaultMessage="Open bundle…" />
        )}
      </button>
      {error && (
        <Notice tone="warning" role="alert" testId="receive-error">
          {error}
        </Notice>
      )}
    </>
  );
}
