// The item's near-duplicates in its case (PDQ within 31 through any rotation or flip, videos by
// vPDQ), as veiled tiles that open each one: the same picture reposted by many accounts is a
// signal, and one decision may settle its copies. The core groups; this only shows.
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useRoute } from '../../base/route.store.ts';
import { veiledThumb } from '../evidence/previews.ts';
import { useHashLists } from './hashlists.store.ts';

export function SimilarItems({ caseId, itemId }: { caseId: string; itemId: string }) {
  const intl = useIntl();
  const group = useHashLists((s) =>
    s.similarCase === caseId ? s.similar.find((g) => g.itemIds.includes(itemId)) : undefined,
  );
  useEffect(() => {
    void useHashLists.getState().loadSimilar(caseId);
  }, [caseId]);
  if (!group) return null;
  const others = group.itemIds.filter((id) => id !== itemId);
  const { replace } = useRoute.getState();
  return (
    <section className="similar-items" aria-labelledby="similar-title" data-testid="similar-items">
      <h2 id="similar-title">
        <FormattedMessage
          id="hashlists.similar.title"
          defaultMessage="Similar items in this case"
        />
      </h2>
      <p className="muted" data-testid="similar-distance">
        <FormattedMessage
          id="hashlists.similar.distance"
          defaultMessage="{count, plural, one {# other item} other {# other items}}, at most {distance, plural, =0 {identical} one {# bit apart} other {# bits apart}} (PDQ, any rotation or flip; videos by their frames)."
          values={{ count: others.length, distance: group.maxDistance }}
        />
      </p>
      <ul className="similar-tiles">
        {others.map((id, n) => (
          <li key={id}>
            <button
              type="button"
              className="similar-tile"
              onClick={() => replace({ name: 'item', caseId, itemId: id })}
              data-testid="similar-tile"
            >
              <img
                src={veiledThumb(id)}
                alt={intl.formatMessage(
                  { id: 'hashlists.similar.tile', defaultMessage: 'Similar item {n}, veiled' },
                  { n: n + 1 },
                )}
              />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
