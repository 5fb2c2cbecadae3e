// Labels suggested for the item in view from the labels it carries, through the scheme mapping:
// each with its relation to the label it came from, the reason and any condition the reviewer
// must check first. One click (or Enter on the focused button) takes it; nothing is automatic.
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Notice } from '../../components/Notice.tsx';
import { useLabelSuggestions, type LabelSuggestion } from './label-suggestions.store.ts';
import { mappingText, schemeCategoryLabel } from '../../base/domain-labels.ts';
import './hashlists.css';

function Suggestion({ s }: { s: LabelSuggestion }) {
  const intl = useIntl();
  const labelOf = (id: string) => schemeCategoryLabel(intl, id);
  const { confirm } = useLabelSuggestions.getState();
  return (
    <li data-testid="label-suggestion" data-to={s.to}>
      <span>
        <FormattedMessage
          id="hashlists.suggestion"
          defaultMessage="{label} {to}: {relation, select, exact {the same as} broader {broader than} narrower {narrower than} other {related to}} {from} {fromId}"
          values={{
            label: <strong>{labelOf(s.to)}</strong>,
            to: <bdi dir="ltr">{s.to}</bdi>,
            relation: s.relation,
            from: labelOf(s.from),
            fromId: <bdi dir="ltr">{s.from}</bdi>,
          }}
        />
        <span className="label-suggestion-reason" dir="auto">
          {mappingText(intl, s.reason)}
        </span>
        {s.condition && (
          <span className="label-suggestion-condition" data-testid="suggestion-condition">
            <FormattedMessage
              id="hashlists.suggestion.condition"
              defaultMessage="Check first: {condition}"
              values={{ condition: <bdi>{mappingText(intl, s.condition)}</bdi> }}
            />
          </span>
        )}
      </span>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => void confirm(s)}
        data-testid="suggestion-confirm"
      >
        <FormattedMessage id="hashlists.suggestion.confirm" defaultMessage="Take this label" />
      </button>
    </li>
  );
}

export function LabelSuggestions({ itemId }: { itemId: string }) {
  const suggestions = useLabelSuggestions((s) => (s.itemId === itemId ? s.suggestions : []));
  const error = useLabelSuggestions((s) => (s.itemId === itemId ? s.error : null));

  useEffect(() => {
    void useLabelSuggestions.getState().load(itemId);
  }, [itemId]);

  if (!suggestions.length && !error) return null;
  return (
    <section className="label-suggestions" data-testid="label-suggestions">
      <h3 className="label-suggestions-title">
        <FormattedMessage
          id="hashlists.suggestions.title"
          defaultMessage="Suggested labels in your schemes"
        />
      </h3>
      {error && (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      )}
      <ul>
        {suggestions.map((s) => (
          <Suggestion key={`${s.from}>${s.to}`} s={s} />
        ))}
      </ul>
    </section>
  );
}
