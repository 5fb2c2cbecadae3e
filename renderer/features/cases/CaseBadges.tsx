import { FormattedMessage, useIntl } from 'react-intl';
import type { Case } from '../../../shared/domain/case.ts';
import { caseKindLabel } from '../../base/domain-labels.ts';

/** Emergency, kind and status in words; colour only repeats what the words say. */
export function CaseBadges({ c, showKind = true }: { c: Case; showKind?: boolean }) {
  const intl = useIntl();
  return (
    <span className="badges">
      {c.emergency && c.status === 'open' && (
        <span className="badge badge-emergency">
          <FormattedMessage id="cases.badge.emergency" defaultMessage="Emergency" />
        </span>
      )}
      {c.emergency && c.status === 'closed' && (
        <span className="badge">
          <FormattedMessage id="cases.badge.wasEmergency" defaultMessage="Was emergency" />
        </span>
      )}
      {showKind && <span className="badge badge-kind">{caseKindLabel(intl, c.kind)}</span>}
      {c.status === 'closed' && (
        <span className="badge badge-closed">
          <FormattedMessage id="cases.badge.closed" defaultMessage="Closed" />
        </span>
      )}
    </span>
  );
}
