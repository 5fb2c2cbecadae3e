// The item's triage in the item view: category, severity and tags, with the keys beside each so
// the mouse is never needed (and never harmful when used).
import type { Item } from '../../../shared/domain/item.ts';
import { severityLabels } from '../../../shared/domain/triage.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { isEscalated, useTriage } from './triage.store.ts';

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
        <label className="filter">
          <span className="filter-label">
            Category <Kbd spec="1 … 9" />
          </span>
          <select
            className="select"
            value={item.category ?? ''}
            data-testid="item-category"
            onChange={(e) => void triage.categorise(ids, e.target.value || null)}
          >
            <option value="">Untriaged</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.position}. {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">
            Severity <Kbd spec="s" />
          </span>
          <select
            className="select"
            value={item.severity ?? ''}
            data-testid="item-severity"
            onChange={(e) =>
              void triage.setSeverity(ids, e.target.value ? Number(e.target.value) : null)
            }
          >
            <option value="">Not set</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}. {severityLabels[n]}
              </option>
            ))}
          </select>
        </label>
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
