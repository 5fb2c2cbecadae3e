import { FormattedMessage, useIntl } from 'react-intl';
import type { Case } from '../../../shared/domain/case.ts';
import { caseKindLabel } from '../../base/domain-labels.ts';
import { formatRelative, languageName } from '../../base/i18n.ts';
import { CaseBadges } from './CaseBadges.tsx';

interface CaseRowProps {
  c: Case;
  selected: boolean;
  now: number;
  onOpen: () => void;
  onFocus: () => void;
}

/** One case in the list: a single button, so Tab, Enter and screen readers treat it as one thing. */
export function CaseRow({ c, selected, now, onOpen, onFocus }: CaseRowProps) {
  const classes = ['case-row'];
  if (c.emergency && c.status === 'open') classes.push('case-row-emergency');
  if (c.status === 'closed') classes.push('case-row-closed');
  const firstRef = c.externalRefs[0];
  const intl = useIntl();
  return (
    <li className="case-item">
      <button
        type="button"
        className={classes.join(' ')}
        tabIndex={selected ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        data-testid="case-row"
        data-case-id={c.id}
        onClick={onOpen}
        onFocus={onFocus}
      >
        <span className="case-row-main">
          <span className="case-row-title">
            <bdi dir="auto" data-testid="case-title">
              {c.title}
            </bdi>
          </span>
          <span className="case-row-meta">
            <span>{caseKindLabel(intl, c.kind)}</span>
            {c.languages.length > 0 && (
              <span>{intl.formatList(c.languages.map((l) => languageName(intl, l)))}</span>
            )}
            {firstRef !== undefined && (
              <span className="case-row-ref">
                <FormattedMessage
                  id="cases.row.refs"
                  defaultMessage="{ref}{more, plural, =0 {} other { +#}}"
                  values={{ ref: <bdi>{firstRef}</bdi>, more: c.externalRefs.length - 1 }}
                />
              </span>
            )}
          </span>
        </span>
        <span className="case-row-side">
          <CaseBadges c={c} showKind={false} />
          <span className="case-row-updated">
            <FormattedMessage
              id="cases.row.updated"
              defaultMessage="Updated {when}"
              values={{ when: formatRelative(intl, c.updatedAt, now) }}
            />
          </span>
        </span>
      </button>
    </li>
  );
}
