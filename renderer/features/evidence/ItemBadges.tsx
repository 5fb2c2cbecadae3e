// What a reviewer should see at a glance, in words: severity, location in the metadata, animation,
// a second acquisition, escalation, tags. Colour only repeats the words. A tile has room for three
// badges in two lines; when an item has more, the third says how many more and names them, so no
// badge is ever cut off.
import { Fragment, type ReactNode } from 'react';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { severityLabels } from '../../../shared/domain/triage.ts';
import { isEscalated } from '../triage/triage.store.ts';
import { useIntl } from 'react-intl';
import { matchBadge } from '../hashlists/match-badge.tsx';

export const TILE_BADGES = 3;

interface Badge {
  key: string;
  /** The whole meaning in words, for the "+N more" badge and screen readers. */
  words: string;
  node: ReactNode;
}

export function itemBadges(item: ItemSummary): Badge[] {
  const badges: Badge[] = [];
  const severity = item.severity;
  if (isEscalated(item)) {
    badges.push({
      key: 'escalated',
      words: 'Escalated',
      node: <span className="badge badge-escalated">Escalated</span>,
    });
  }
  if (severity !== null) {
    const words = `Severity ${severity}, ${severityLabels[severity]}`;
    badges.push({
      key: 'severity',
      words,
      node: (
        <span className={`badge badge-severity badge-severity-${severity}`}>
          <span aria-hidden="true">S{severity}</span>
          <span className="visually-hidden">{words}</span>
        </span>
      ),
    });
  }
  if (item.flags.includes('gps')) {
    badges.push({
      key: 'gps',
      words: 'GPS: location in the metadata',
      node: (
        <span className="badge badge-gps">
          GPS<span className="visually-hidden">: location in the metadata</span>
        </span>
      ),
    });
  }
  if (item.flags.includes('animated')) {
    badges.push({
      key: 'animated',
      words: 'Animated',
      node: <span className="badge">Animated</span>,
    });
  }
  if (item.flags.includes('duplicate-acquired')) {
    badges.push({
      key: 'again',
      words: 'Acquired again',
      node: (
        <span className="badge" title="The same bytes were brought in more than once">
          Acquired again
        </span>
      ),
    });
  }
  const tags = item.tags.filter((t) => !(isEscalated(item) && t === 'escalated'));
  if (tags.length > 0) {
    const words = tags.length === 1 ? `Tag: ${tags[0]}` : `Tags: ${tags.join(', ')}`;
    badges.push({
      key: 'tags',
      words,
      node: (
        <span className="badge badge-tag">
          {tags.length === 1 ? <bdi dir="auto">{tags[0]}</bdi> : `${tags.length} tags`}
        </span>
      ),
    });
  }
  return badges;
}

export function ItemBadges({ item, limit }: { item: ItemSummary; limit?: number }) {
  const intl = useIntl();
  // A hash-list match comes first: it may settle the item without unveiling it.
  const all = [...matchBadge(item, intl), ...itemBadges(item)];
  const fits = limit === undefined || all.length <= limit;
  const shown = fits ? all : all.slice(0, limit - 1);
  const rest = fits ? [] : all.slice(limit - 1);
  return (
    <span className="item-badges" data-testid="item-badges">
      {shown.map((b) => (
        <Fragment key={b.key}>{b.node}</Fragment>
      ))}
      {rest.length > 0 && (
        <span className="badge badge-more" title={rest.map((b) => b.words).join('; ')}>
          <span aria-hidden="true">+{rest.length}</span>
          <span className="visually-hidden">{rest.map((b) => b.words).join('; ')}</span>
        </span>
      )}
    </span>
  );
}
