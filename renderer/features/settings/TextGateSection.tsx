// Per case kind: does written content open shown, or behind one deliberate step? The core enforces
// the choice (electron/core/reveal/text-gate.ts); like the language, it applies at once.
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { SelectField } from '../../components/SelectField.tsx';
import { Notice } from '../../components/Notice.tsx';
import { caseKinds, type CaseKind } from '../../../shared/domain/case.ts';
import type { TextGateChoice } from '../../../shared/domain/settings.ts';
import { caseKindLabel } from '../../base/domain-labels.ts';
import { describeError } from '../../base/i18n.ts';
import { useSettings } from './settings.store.ts';

export function TextGateSection() {
  const intl = useIntl();
  const textGate = useSettings((s) => s.settings.textGate);
  const [error, setError] = useState<string | null>(null);
  const choose = async (kind: CaseKind, choice: TextGateChoice) => {
    const outcome = await useSettings
      .getState()
      .save({ textGate: { ...textGate, [kind]: choice } });
    setError(outcome.ok ? null : describeError(intl, outcome.error));
  };
  const options = [
    ['shown', intl.formatMessage({ id: 'settings.textGate.shown', defaultMessage: 'Shown' })],
    ['step', intl.formatMessage({ id: 'settings.textGate.step', defaultMessage: 'Behind a step' })],
  ] as const;
  return (
    <fieldset className="fieldset" data-testid="text-gate-section">
      <legend className="fieldset-legend">
        {intl.formatMessage({ id: 'settings.textGate.legend', defaultMessage: 'Written content' })}
      </legend>
      <p className="muted text-gate-intro">
        {intl.formatMessage({
          id: 'settings.textGate.hint',
          defaultMessage:
            'Words can wound too. Behind a step, a text opens only when you choose to show it; that is logged, and the time it stays open counts toward your exposure.',
        })}
      </p>
      <div className="text-gate-grid">
        {caseKinds.map((kind) => (
          <SelectField<TextGateChoice>
            key={kind}
            label={caseKindLabel(intl, kind)}
            value={textGate[kind]}
            options={options}
            onChange={(choice) => void choose(kind, choice)}
            testId={`setting-textGate-${kind}`}
          />
        ))}
      </div>
      {error && (
        <Notice tone="warning" role="alert">
          {error}
        </Notice>
      )}
    </fieldset>
  );
}
