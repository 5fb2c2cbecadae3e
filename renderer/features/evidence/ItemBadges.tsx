// What a reviewer should see at a glance, in words: severity, location in the metadata, animation,
// a second acquisition, escalation. Colour only repeats the words.
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { severityLabels } from '../../../shared/domain/triage.ts';
import { isEscalated } from '../triage/triage.store.ts';

export function ItemBadges({ item }: { item: ItemSummary }) {
  const severity = item.severity;
  return (
    <span className="item-badges">
      {isEscalated(item) && <span className="badge badge-escalated">Escalated</span>}
      {severity !== null && (
        <span className={`badge badge-severity badge-severity-${severity}`}>
          <span aria-hidden="true">S{severity}</span>
          <span className="visually-hidden">
            Severity {severity}, {severityLabels[severity]}
          </span>
        </span>
      )}
      {item.flags.includes('gps') && (
        <span className="badge badge-gps">
          GPS<span className="visually-hidden">: location in the metadata</span>
        </span>
      )}
      {item.flags.includes('animated') && <span className="badge">Animated</span>}
      {item.flags.includes('duplicate-acquired') && (
        <span className="badge" title="The same bytes were brought in more than once">
          Acquired again
        </span>
      )}
      {item.kind === 'opaque' && <span className="badge">File</span>}
      {item.tags.length > 0 && !(item.tags.length === 1 && isEscalated(item)) && (
        <span className="badge">
          {item.tags.length === 1 ? (
            <bdi dir="auto">{item.tags[0]}</bdi>
          ) : (
            `${item.tags.length} tags`
          )}
        </span>
      )}
    </span>
  );
}
