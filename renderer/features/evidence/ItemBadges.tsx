// What a reviewer should see at a glance, in words: severity, location in the metadata, animation,
// a second acquisition, escalation, tags. Colour only repeats the words. A tile has room for three
// badges in two lines; when an item has more, the third says how many more and names them, so no
// badge is ever cut off.
import { Fragment, type ReactNode } from 'react';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { severityLabel } from '../../base/domain-labels.ts';
import { isEscalated } from '../triage/triage.store.ts';
import { matchBadge } from '../hashlists/match-badge.tsx';

export const TILE_BADGES = 3;

interface Badge {
  key: string;
  /** The whole meaning in words, for the "+N more" badge and screen readers. */
  words: string;
  node: ReactNode;
}

export function itemBadges(intl: IntlShape, item: ItemSummary): Badge[] {
  const t = intl.formatMessage;
  const badges: Badge[] = [];
  const severity = item.severity;
  if (item.damaged !== null) {
    // Kept as evidence although it could not be read: say so first, with the reason on hover.
    const words = t(
      { id: 'badge.damaged', defaultMessage: 'Damaged: {reason}' },
      { reason: item.damaged },
    );
    badges.push({
      key: 'damaged',
      words,
      node: (
        <span className="badge badge-damaged" title={words} data-testid="badge-damaged">
          {t({ id: 'badge.damaged.short', defaultMessage: 'Damaged' })}
          <span className="visually-hidden">{words}</span>
        </span>
      ),
    });
  }
  if (item.flags.includes('encrypted')) {
    const words = t({
      id: 'badge.encrypted',
      defaultMessage: 'Encrypted: kept whole, not unpacked',
    });
    badges.push({
      key: 'encrypted',
      words,
      node: (
        <span className="badge" title={words}>
          {t({ id: 'badge.encrypted.short', defaultMessage: 'Encrypted' })}
        </span>
      ),
    });
  }
  if (isEscalated(item)) {
    const words = t({ id: 'badge.escalated', defaultMessage: 'Escalated' });
    badges.push({
      key: 'escalated',
      words,
      node: <span className="badge badge-escalated">{words}</span>,
    });
  }
  if (severity !== null) {
    const words = t(
      { id: 'badge.severity', defaultMessage: 'Severity {severity}, {label}' },
      { severity, label: severityLabel(intl, severity) },
    );
    badges.push({
      key: 'severity',
      words,
      node: (
        <span className={`badge badge-severity badge-severity-${severity}`}>
          <span aria-hidden="true">
            {t({ id: 'badge.severity.short', defaultMessage: 'S{severity}' }, { severity })}
          </span>
          <span className="visually-hidden">{words}</span>
        </span>
      ),
    });
  }
  if (item.flags.includes('gps')) {
    const words = t({ id: 'badge.gps', defaultMessage: 'GPS: location in the metadata' });
    badges.push({
      key: 'gps',
      words,
      node: (
        <span className="badge badge-gps">
          <FormattedMessage
            id="badge.gps.visible"
            defaultMessage="GPS<hidden>: location in the metadata</hidden>"
            values={{ hidden: (chunks) => <span className="visually-hidden">{chunks}</span> }}
          />
        </span>
      ),
    });
  }
  if (item.flags.includes('animated')) {
    const words = t({ id: 'badge.animated', defaultMessage: 'Animated' });
    badges.push({ key: 'animated', words, node: <span className="badge">{words}</span> });
  }
  if (item.flags.includes('duplicate-acquired')) {
    const words = t({ id: 'badge.acquiredAgain', defaultMessage: 'Acquired again' });
    const title = t({
      id: 'badge.acquiredAgain.title',
      defaultMessage: 'The same bytes were brought in more than once',
    });
    badges.push({
      key: 'again',
      words,
      node: (
        <span className="badge" title={title}>
          {words}
        </span>
      ),
    });
  }
  const tags = item.tags.filter((t) => !(isEscalated(item) && t === 'escalated'));
  if (tags.length > 0) {
    const words = t(
      {
        id: 'badge.tags',
        defaultMessage: '{count, plural, one {Tag: {tags}} other {Tags: {tags}}}',
      },
      { count: tags.length, tags: intl.formatList(tags, { type: 'unit' }) },
    );
    badges.push({
      key: 'tags',
      words,
      node: (
        <span className="badge badge-tag">
          {tags.length === 1 ? (
            <bdi dir="auto">{tags[0]}</bdi>
          ) : (
            t(
              {
                id: 'badge.tagCount',
                defaultMessage: '{count, plural, one {# tag} other {# tags}}',
              },
              { count: tags.length },
            )
          )}
        </span>
      ),
    });
  }
  return badges;
}

/** The hidden badges' words in one line, separated as the language separates list items. */
const listOf = (intl: IntlShape, badges: readonly Badge[]) =>
  badges
    .map((b) => b.words)
    .join(intl.formatMessage({ id: 'badge.separator', defaultMessage: '; ' }));

export function ItemBadges({ item, limit }: { item: ItemSummary; limit?: number }) {
  const intl = useIntl();
  // A hash-list match comes first: it may settle the item without unveiling it.
  const all = [...matchBadge(item, intl), ...itemBadges(intl, item)];
  const fits = limit === undefined || all.length <= limit;
  const shown = fits ? all : all.slice(0, limit - 1);
  const rest = fits ? [] : all.slice(limit - 1);
  return (
    <span className="item-badges" data-testid="item-badges">
      {shown.map((b) => (
        <Fragment key={b.key}>{b.node}</Fragment>
      ))}
      {rest.length > 0 && (
        <span className="badge badge-more" title={listOf(intl, rest)}>
          <span aria-hidden="true">
            {intl.formatMessage(
              { id: 'badge.more', defaultMessage: '+{count, number}' },
              { count: rest.length },
            )}
          </span>
          <span className="visually-hidden">{listOf(intl, rest)}</span>
        </span>
      )}
    </span>
  );
}
