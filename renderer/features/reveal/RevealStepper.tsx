// The ladder as a row of steps: the current one marked, the next one offered, the ones beyond it
// out of reach until the next is taken. Clicks only; nothing reacts to hovering.
import { FormattedMessage, useIntl } from 'react-intl';
import { ladder, stepHints, stepLabels, stepWords } from './ladder.ts';
import { revealRank } from '../../../shared/domain/item.ts';
import { Kbd } from '../../components/Kbd.tsx';
import { useSettings } from '../settings/settings.store.ts';
import type { RevealControl } from './use-reveal-control.ts';

export function RevealStepper({ control }: { control: RevealControl }) {
  const greyStep = useSettings((s) => s.settings.greyStep);
  const revealSeconds = useSettings((s) => s.settings.revealSeconds);
  const { shown, next } = control;
  const t = useIntl().formatMessage;
  return (
    <div
      className="stepper"
      role="group"
      aria-label={t({ id: 'reveal.group', defaultMessage: 'Reveal' })}
      data-testid="reveal-stepper"
    >
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
                <span className="stepper-label">{t(stepLabels[step])}</span>
                <span className="stepper-hint">{t(stepHints[step])}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="stepper-footer">
        <p className="stepper-countdown" role="status" data-testid="reveal-countdown">
          {shown === 'veiled'
            ? t(
                {
                  id: 'reveal.lasts',
                  defaultMessage:
                    'Unveiling lasts {seconds, plural, one {# second} other {# seconds}}, then the image is veiled again.',
                },
                { seconds: revealSeconds },
              )
            : t(
                { id: 'reveal.countdown', defaultMessage: 'Veils again in {seconds, number} s.' },
                { seconds: control.secondsLeft },
              )}
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
              disabled={control.busy}
              onClick={control.stepUp}
            >
              <FormattedMessage
                id="reveal.next"
                defaultMessage="Reveal: {step}"
                values={{ step: t(stepWords[next]) }}
              />{' '}
              <Kbd spec="r" />
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
            <FormattedMessage id="reveal.veilNow" defaultMessage="Veil now" /> <Kbd spec="v" />
          </button>
        </div>
      </div>
      {control.error && <p className="field-error">{control.error}</p>}
    </div>
  );
}
