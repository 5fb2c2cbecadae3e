// The item's triage in the item view: category, severity and tags, with the keys beside each so
// the mouse is never needed (and never harmful when used).
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { Item } from '../../../shared/domain/item.ts';
import { schemeCategoryLabel, severityLabel } from '../../base/domain-labels.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { categoryOptions, isEscalated, primaryScheme, useTriage } from './triage.store.ts';
import { keyedCategories } from './triage-keys.ts';
import { useLabelSuggestions } from '../hashlists/label-suggestions.store.ts';

/** The select's options and value in the primary scheme when it is not Custody's own. */
function usePrimaryScheme(item: Item, intl: IntlShape) {
  const scheme = useTriage(primaryScheme);
  const labels = useLabelSuggestions((s) => (s.itemId === item.id ? s.labels : []));
  if (scheme === 'custody') return null;
  const keyed = keyedCategories(scheme);
  return {
    keyed,
    value: labels.find((l) => l.startsWith(`${scheme}:`)) ?? '',
    options: keyed.map(
      (c) =>
        [
          c.id,
          intl.formatMessage(
            { id: 'triage.categoryOption', defaultMessage: '{position}. {label}' },
            { position: c.position, label: schemeCategoryLabel(intl, c.id) },
          ),
        ] as const,
    ),
  };
}

function severityOptions(intl: IntlShape): SelectOption<string>[] {
  return [
    ['', intl.formatMessage({ id: 'triage.severity.notSet', defaultMessage: 'Not set' })],
    ...[1, 2, 3, 4, 5].map(
      (n) =>
        [
          String(n),
          intl.formatMessage(
            { id: 'triage.severityOption', defaultMessage: '{n}. {label}' },
            { n, label: severityLabel(intl, n) },
          ),
        ] as const,
    ),
  ];
}

export function TriagePanel({ item }: { item: Item }) {
  const categories = useTriage((s) => s.categories);
  const triage = useTriage.getState();
  const ids = [item.id];
  const intl = useIntl();
  const t = intl.formatMessage;
  const primary = usePrimaryScheme(item, intl);
  const untriaged = t({ id: 'evidence.filter.untriaged', defaultMessage: 'Untriaged' });
  return (
    <section className="triage-panel" aria-labelledby="triage-title" data-testid="triage-panel">
      <h2 id="triage-title" className="section-title">
        <FormattedMessage id="triage.title" defaultMessage="Triage" />
      </h2>
      <div className="triage-fields">
        <SelectField
          label={
            <>
              <FormattedMessage id="evidence.filter.category" defaultMessage="Category" />{' '}
              <Kbd spec="1 … 9" />
            </>
          }
          value={primary ? primary.value : (item.category ?? '')}
          options={[
            ['', untriaged],
            ...(primary ? primary.options : categoryOptions(intl, categories)),
          ]}
          onChange={(code) => {
            // In another primary scheme the select picks as its number key does.
            const position = primary?.keyed.find((c) => c.id === code)?.position;
            if (primary) void triage.categoriseByPosition(ids, position ?? null);
            else void triage.categorise(ids, code || null);
          }}
          testId="item-category"
        />
        <SelectField
          label={
            <>
              <FormattedMessage id="triage.severity" defaultMessage="Severity" /> <Kbd spec="s" />
            </>
          }
          value={item.severity === null ? '' : String(item.severity)}
          options={severityOptions(intl)}
          onChange={(n) => void triage.setSeverity(ids, n ? Number(n) : null)}
          testId="item-severity"
        />
      </div>
      <div className="triage-tags">
        <span className="filter-label">
          <FormattedMessage id="triage.tags" defaultMessage="Tags" />
        </span>
        {item.tags.length > 0 ? (
          <ul className="chips" data-testid="item-tags">
            {item.tags.map((tag) => (
              <li key={tag} className="tag-chip">
                <bdi dir="auto">{tag}</bdi>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={t(
                    { id: 'triage.removeTag', defaultMessage: 'Remove the tag {tag}' },
                    { tag },
                  )}
                  onClick={() => void triage.tag(ids, tag, false)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">
            <FormattedMessage id="item.none" defaultMessage="None" />
          </span>
        )}
      </div>
      <div className="triage-actions">
        <button type="button" className="button" onClick={() => triage.openDialog('tag', ids)}>
          <FormattedMessage id="triage.tagButton" defaultMessage="Tag…" /> <Kbd spec="t" />
        </button>
        <button
          type="button"
          className="button"
          data-testid="escalate"
          disabled={isEscalated(item) && item.severity === 5}
          onClick={() => void triage.escalate(ids)}
        >
          <FormattedMessage id="triage.escalate" defaultMessage="Escalate" /> <Kbd spec="e" />
        </button>
      </div>
    </section>
  );
}
