// What the number keys label, in the reviewer's primary scheme: for the shortcuts overlay, so the
// list a tired reviewer reads is the one the keys follow (Custody's harms, or A1 … B2, or A, B, C).
import { useEffect, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Kbd } from '../../components/Kbd.tsx';
import {
  schemeCategoryDefinition,
  schemeCategoryLabel,
  schemeName,
} from '../../base/domain-labels.ts';
import { primaryScheme, useTriage } from './triage.store.ts';
import { keyedCategories } from './triage-keys.ts';

export function SchemeKeys() {
  const intl = useIntl();
  const scheme = useTriage(primaryScheme);
  // Opened from the case list, before any case read them: the keys follow the saved choice.
  useEffect(() => void useTriage.getState().loadCategories(), []);
  return (
    <div className="scheme-keys" data-testid="scheme-keys" data-scheme={scheme}>
      <p className="scheme-keys-title">
        <FormattedMessage
          id="shortcut.categorise.scheme"
          defaultMessage="In {scheme}, your primary scheme:"
          values={{ scheme: <bdi>{schemeName(intl, scheme)}</bdi> }}
        />
      </p>
      <ol className="scheme-keys-list">
        {keyedCategories(scheme).map((c) => (
          <li key={c.id} data-category={c.id}>
            <Kbd spec={String(c.position)} />{' '}
            <span className="scheme-key-label">{schemeCategoryLabel(intl, c.id)}</span>
            {/* Custody's harms say what they are; A1 or Category B need their definition. */}
            {scheme !== 'custody' && (
              <span className="scheme-key-definition">{schemeCategoryDefinition(intl, c.id)}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * What 0 does: in Custody's scheme it clears the category (`children`, the table's own words); a
 * label in another scheme is only ever replaced.
 */
export function UncategoriseKey({ children }: { children: ReactNode }) {
  const intl = useIntl();
  const scheme = useTriage(primaryScheme);
  if (scheme === 'custody') return children;
  return (
    <FormattedMessage
      id="shortcut.uncategorise.otherScheme"
      defaultMessage="Nothing in {scheme}: a label there is replaced, not cleared"
      values={{ scheme: <bdi>{schemeName(intl, scheme)}</bdi> }}
    />
  );
}
