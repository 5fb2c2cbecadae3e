// Why the item in view stays veiled, said in the interface's language from the facts the core
// sends (hashlists:blocked's `block`): the known-illegal lists it matches with the hash that
// matched, or its known-illegal labels with their schemes. The core's English `reason` is never
// shown here: it would be English in every language.
import { FormattedMessage, useIntl } from 'react-intl';
import type { RevealBlock } from '../../../shared/domain/hashlist.ts';
import type { CategorySchemeId } from '../../../shared/domain/category-schemes.ts';
import { categorySchemeIds } from '../../../shared/domain/category-schemes.ts';
import { schemeCategoryLabel, schemeName } from '../../base/domain-labels.ts';

const isScheme = (s: string): s is CategorySchemeId =>
  (categorySchemeIds as readonly string[]).includes(s);

export function BlockedReason({ block }: { block: RevealBlock }) {
  const intl = useIntl();
  if (block.kind === 'hash-list') {
    const lists = block.matches.map((m) => (
      <FormattedMessage
        key={`${m.listName}\u0000${m.hashType}`}
        id="hashlists.blocked.list"
        defaultMessage="“{list}” ({hashType, select, md5 {MD5} sha1 {SHA-1} sha256 {SHA-256} other {{hashType}}})"
        values={{ list: <bdi>{m.listName}</bdi>, hashType: m.hashType }}
      />
    ));
    return (
      <FormattedMessage
        id="hashlists.blocked.lists"
        defaultMessage="Stays veiled: it matches the known-illegal {count, plural, one {hash list} other {hash lists}} {lists}."
        values={{ count: lists.length, lists: intl.formatList(lists, { type: 'conjunction' }) }}
      />
    );
  }
  const labels = block.categoryIds.map((id) => {
    const scheme = id.split(':')[0] ?? '';
    return (
      <FormattedMessage
        key={id}
        id="hashlists.blocked.label"
        defaultMessage="{label} in {scheme}"
        values={{
          label: <bdi>{schemeCategoryLabel(intl, id)}</bdi>,
          scheme: <bdi>{isScheme(scheme) ? schemeName(intl, scheme) : scheme}</bdi>,
        }}
      />
    );
  });
  return (
    <FormattedMessage
      id="hashlists.blocked.labels"
      defaultMessage="Stays veiled: it is labelled {labels}, {count, plural, one {a category} other {categories}} never unveiled by default."
      values={{ count: labels.length, labels: intl.formatList(labels, { type: 'conjunction' }) }}
    />
  );
}
