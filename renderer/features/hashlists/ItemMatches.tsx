// Hash-list matches of the item in view (list, version, distance, variant; confirm / reject), why
// it stays veiled, and the extra step that unveils it anyway: a typed reason and a confirmation,
// which the core logs with the block it overrode. The core decides; this only asks.
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Notice } from '../../components/Notice.tsx';
import { useHashLists } from './hashlists.store.ts';
import { useReveal } from '../reveal/reveal.store.ts';
import { LabelSuggestions } from './LabelSuggestions.tsx';
import { BlockedReason } from './BlockedReason.tsx';
import { describeError } from '../../base/i18n.ts';
import './hashlists.css';

const MIN_REASON = 10;

function OverrideForm({ itemId }: { itemId: string }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open)
    return (
      <button
        type="button"
        className="button"
        onClick={() => setOpen(true)}
        data-testid="override-open"
      >
        <FormattedMessage id="hashlists.override.open" defaultMessage="Unveil anyway…" />
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await useReveal
      .getState()
      .unveil(itemId, 'outline', reason.trim(), { reason: reason.trim() });
    if (!outcome.ok) setError(describeError(intl, outcome.error));
    else setOpen(false);
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="hashlist-import" data-testid="override-form">
      <div className="field">
        <label htmlFor="override-reason" className="field-label">
          <FormattedMessage
            id="hashlists.override.reason"
            defaultMessage="Why must this item be seen? (logged)"
          />
        </label>
        <input
          id="override-reason"
          className="input"
          value={reason}
          dir="auto"
          onChange={(e) => setReason(e.target.value)}
          data-testid="override-reason"
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
          data-testid="override-confirm"
        />
        <span>
          {intl.formatMessage({
            id: 'hashlists.override.confirm',
            defaultMessage: 'I confirm that I need to see this known-illegal item.',
          })}
        </span>
      </label>
      {error && (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      )}
      <button
        type="submit"
        className="button button-danger"
        disabled={!confirmed || reason.trim().length < MIN_REASON}
      >
        <FormattedMessage id="hashlists.override.submit" defaultMessage="Unveil to the outline" />
      </button>
    </form>
  );
}

export function ItemMatches({ itemId }: { itemId: string }) {
  const matches = useHashLists((s) => (s.itemId === itemId ? s.matches : []));
  const blocked = useHashLists((s) => (s.itemId === itemId ? s.blocked : null));
  const { review } = useHashLists.getState();

  useEffect(() => {
    void useHashLists.getState().loadItem(itemId);
  }, [itemId]);

  const suggestions = <LabelSuggestions itemId={itemId} />;
  if (!matches.length && !blocked) return suggestions;
  return (
    <>
      <section className="item-matches" data-testid="item-matches">
        {blocked && (
          <Notice tone="danger" testId="item-blocked">
            <BlockedReason block={blocked} /> <OverrideForm itemId={itemId} />
          </Notice>
        )}
        {matches.length > 0 && (
          <ul>
            {matches.map((m) => (
              <li key={m.id} data-testid="item-match">
                <FormattedMessage
                  id="hashlists.match"
                  defaultMessage="{list} v{version}: {hashType}, {distance, plural, =0 {exact} one {# bit apart} other {# bits apart}}{variant, select, none {} other {, as {variant}}}"
                  values={{
                    list: <bdi>{m.listName}</bdi>,
                    version: m.listVersion,
                    hashType: m.hashType,
                    distance: m.distance,
                    variant: m.variant ?? 'none',
                  }}
                />
                {m.status === 'open' ? (
                  <span className="item-match-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => void review(m.id, 'confirmed')}
                    >
                      <FormattedMessage id="hashlists.confirm" defaultMessage="Confirm" />
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => void review(m.id, 'rejected')}
                    >
                      <FormattedMessage id="hashlists.reject" defaultMessage="Reject" />
                    </button>
                  </span>
                ) : (
                  <span className="item-match-actions">
                    <FormattedMessage id="hashlists.confirmed" defaultMessage="Confirmed" />
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {suggestions}
    </>
  );
}
