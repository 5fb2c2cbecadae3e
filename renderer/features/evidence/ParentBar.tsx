// Above the grid while it shows the files found inside one item: which item, and the way back.
import { FormattedMessage } from 'react-intl';
import { FileName } from '../../components/FileName.tsx';
import { useEvidence } from './evidence.store.ts';

export function ParentBar() {
  const parent = useEvidence((s) => s.parent);
  if (!parent) return null;
  return (
    <p className="parent-bar" data-testid="parent-bar">
      <FormattedMessage
        id="evidence.parent.inside"
        defaultMessage="Files found inside {name}"
        values={{ name: <FileName name={parent.originalName} /> }}
      />{' '}
      <button
        type="button"
        className="button-link"
        data-testid="parent-back"
        onClick={() => void useEvidence.getState().showChildren(null)}
      >
        <FormattedMessage id="evidence.parent.back" defaultMessage="Back to the whole case" />
      </button>
    </p>
  );
}
