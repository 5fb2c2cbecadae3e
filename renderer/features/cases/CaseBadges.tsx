import { caseKindLabels, type Case } from '../../../shared/domain/case.ts';

/** Emergency, kind and status in words; colour only repeats what the words say. */
export function CaseBadges({ c, showKind = true }: { c: Case; showKind?: boolean }) {
  return (
    <span className="badges">
      {c.emergency && c.status === 'open' && (
        <span className="badge badge-emergency">Emergency</span>
      )}
      {c.emergency && c.status === 'closed' && <span className="badge">Was emergency</span>}
      {showKind && <span className="badge badge-kind">{caseKindLabels[c.kind]}</span>}
      {c.status === 'closed' && <span className="badge badge-closed">Closed</span>}
    </span>
  );
}
