// The grid's hash-list badge: "Known illegal match" (the item stays veiled) or "Hash match".
import type { IntlShape } from 'react-intl';
import type { ReactNode } from 'react';
import type { ItemSummary } from '../../../shared/domain/item.ts';

export function matchBadge(
  item: ItemSummary,
  intl: IntlShape,
): Array<{ key: string; words: string; node: ReactNode }> {
  if (!item.match) return [];
  const words =
    item.match === 'blocked'
      ? intl.formatMessage({ id: 'hashlists.badge.blocked', defaultMessage: 'Known illegal match' })
      : intl.formatMessage({ id: 'hashlists.badge.match', defaultMessage: 'Hash match' });
  return [
    {
      key: 'hash-match',
      words,
      node: (
        <span
          className={`badge ${item.match === 'blocked' ? 'badge-match-blocked' : 'badge-match'}`}
          data-testid="badge-hash-match"
        >
          {words}
        </span>
      ),
    },
  ];
}
