// The ladder as a row of steps: the current one marked, the next one offered, the ones beyond it
// out of reach until the next is taken. Clicks only; nothing reacts to hovering.
import { ladder, stepHints, stepLabels } from './ladder.ts';
import { revealRank } from '../../../shared/domain/item.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { useSettings } from '../settings/settings.store.ts';
import type { RevealControl } from './use-reveal-control.ts';

export function RevealStepper({ control }: { control: RevealControl }) {
  const greyStep = useSettings((s) => s.settings.greyStep);
  const revealSeconds = useSettings((s) => s.settings.revealSeconds);
  const { shown, next } = control;
  return (
    <div className="stepper" role="group" aria-label="Reveal" data-testid="reveal-stepper">
      <ol className="stepper-steps">
        {ladder(greyStep).map((step) => {
          const current = step === shown;
          const reachable = step === next || revealRank(step) < revealRank(shown);
          return (
            <li key={step}>
              <button
                type="button"
                className={`stepper-step${current ? ' stepper-current' : ''}`}
                aria-current={current ? 'step' : undefined}
                aria-disabled={!reachable && !current ? true : undefined}
                data-testid={`reveal-step-${step}`}
                data-step={step}
                onClick={() => (reachable ? control.goTo(step) : undefined)}
              >
                <span className="stepper-label">{stepLabels[step]}</span>
                <span className="stepper-hint">{stepHints[step]}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="stepper-footer">
        <p className="stepper-countdown" role="status" data-testid="reveal-countdown">
          {shown === 'veiled'
            ? `Unveiling lasts ${revealSeconds} seconds, then the image is veiled again.`
            : `Veils again in ${control.secondsLeft} s.`}
        </p>
        {shown !== 'veiled' && (
          <div
            className="stepper-meter"
            aria-hidden="true"
            style={{ width: `${Math.min(100, (control.secondsLeft / revealSeconds) * 100)}%` }}
          />
        )}
        <div className="stepper-actions">
          {next && (
            <button
              type="button"
              className="button"
              data-testid="reveal-next"
              aria-keyshortcuts="r"
              onClick={control.stepUp}
            >
              Reveal: {stepLabels[next].toLowerCase()} <Kbd spec="r" />
            </button>
          )}
          <button
            type="button"
            className="button"
            data-testid="reveal-veil"
            aria-keyshortcuts="v"
            disabled={shown === 'veiled'}
            onClick={control.veil}
          >
            Veil now <Kbd spec="v" />
          </button>
        </div>
      </div>
      {control.error && <p className="field-error">{control.error}</p>}
    </div>
  );
}
