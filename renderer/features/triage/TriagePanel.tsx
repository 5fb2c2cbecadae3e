// The item's triage in the item view: category, severity and tags, with the keys beside each so
// the mouse is never needed (and never harmful when used).
import type { Item } from '../../../shared/domain/item.ts';
import { severityLabels } from '../../../shared/domain/triage.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { categoryOptions, isEscalated, useTriage } from './triage.store.ts';

const severityOptions: SelectOption<string>[] = [
  ['', 'Not set'],
  ...severityLabels.slice(1).map((label, i) => [String(i + 1), `${i + 1}. ${label}`] as const),
];

export function TriagePanel({ item }: { item: Item }) {
  const categories = useTriage((s) => s.categories);
  const triage = useTriage.getState();
  const ids = [item.id];
  return (
    <section className="triage-panel" aria-labelledby="triage-title" data-testid="triage-panel">
      <h2 id="triage-title" className="section-title">
        Triage
      </h2>
      <div className="triage-fields">
        <SelectField
          label={
            <>
              Category <Kbd spec="1 … 9" />
            </>
          }
          value={item.category ?? ''}
          options={[['', 'Untriaged'], ...categoryOptions(categories)]}
          onChange={(code) => void triage.categorise(ids, code || null)}
          testId="item-category"
        />
        <SelectField
          label={
            <>
              Severity <Kbd spec="s" />
            </>
          }
          value={item.severity === null ? '' : String(item.severity)}
          options={severityOptions}
          onChange={(n) => void triage.setSeverity(ids, n ? Number(n) : null)}
          testId="item-severity"
        />
      </div>
      <div className="triage-tags">
        <span className="filter-label">Tags</span>
        {item.tags.length > 0 ? (
          <ul className="chips" data-testid="item-tags">
            {item.tags.map((tag) => (
              <li key={tag} className="tag-chip">
                <bdi dir="auto">{tag}</bdi>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove the tag ${tag}`}
                  onClick={() => void triage.tag(ids, tag, false)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">None</span>
        )}
      </div>
      <div className="triage-actions">
        <button type="button" className="button" onClick={() => triage.openDialog('tag', ids)}>
          Tag… <Kbd spec="t" />
        </button>
        <button
          type="button"
          className="button"
          data-testid="escalate"
          disabled={isEscalated(item) && item.severity === 5}
          onClick={() => void triage.escalate(ids)}
        >
          Escalate <Kbd spec="e" />
        </button>
      </div>
    </section>
  );
}
