// The calm step in front of gated text: what it is, that taking it is logged and counted as
// exposure, and one button. The core decides; this only asks it (items:reveal-text).
import { FormattedMessage } from 'react-intl';
import type { CaseKind } from '../../../shared/domain/case.ts';

/** ICU select keys are plain words: the case kinds without their hyphens. */
const selectKey: Record<CaseKind, string> = {
  'child-safety': 'childSafety',
  terrorism: 'terrorism',
  'self-harm': 'selfHarm',
  'threat-of-violence': 'threat',
  harassment: 'harassment',
  disinformation: 'disinformation',
  doxxing: 'doxxing',
  other: 'other',
};

export function TextGatePanel({ kind, onShow }: { kind: CaseKind; onShow: () => void }) {
  return (
    <section className="text-gate" data-testid="text-gate" aria-labelledby="text-gate-title">
      <p id="text-gate-title" className="text-gate-title">
        <FormattedMessage
          id="reading.gate.title"
          defaultMessage="{kind, select, childSafety {This text is behind a step for child-safety cases.} terrorism {This text is behind a step for terrorism cases.} selfHarm {This text is behind a step for self-harm cases.} other {This text is behind a step for cases of this kind.}}"
          values={{ kind: selectKey[kind] }}
        />
      </p>
      <p className="muted">
        <FormattedMessage
          id="reading.gate.hint"
          defaultMessage="Showing it is logged, and the time it stays open counts toward your exposure. It closes when you move to another item. Settings choose which case kinds have this step."
        />
      </p>
      <button
        type="button"
        className="button button-primary"
        onClick={onShow}
        data-testid="text-reveal"
      >
        <FormattedMessage id="reading.gate.show" defaultMessage="Show text" />
      </button>
    </section>
  );
}
