import { caseKindLabels, type Case } from '../../../shared/domain/case.ts';
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
            <span>{caseKindLabels[c.kind]}</span>
            {c.languages.length > 0 && <span>{c.languages.map(languageName).join(', ')}</span>}
            {firstRef !== undefined && (
              <span className="case-row-ref">
                <bdi>{firstRef}</bdi>
                {c.externalRefs.length > 1 ? ` +${c.externalRefs.length - 1}` : ''}
              </span>
            )}
          </span>
        </span>
        <span className="case-row-side">
          <CaseBadges c={c} showKind={false} />
          <span className="case-row-updated">Updated {formatRelative(c.updatedAt, now)}</span>
        </span>
      </button>
    </li>
  );
}
