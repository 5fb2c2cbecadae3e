// The item view's hold on the reveal ladder: the step shown now (only ever one the core granted),
// the next step, the reason prompt, and the countdown to the automatic re-veil.
import { useIntl } from 'react-intl';
import { describeError } from '../../base/i18n.ts';
import { useEffect, useState } from 'react';
import type { RevealStep } from '../../../shared/domain/item.ts';
import { revealRank } from '../../../shared/domain/item.ts';
import { useSettings } from '../settings/settings.store.ts';
import { shownStep, useReveal } from './reveal.store.ts';
import { secondsLeft, stepAfter } from './ladder.ts';

/**
 * The time, ticking while `active`, for the countdown. Between ticks it lags a little behind the
 * clock, which errs on the side of the store: the store itself veils at `until`.
 */
function useTicker(active: boolean, everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}

export interface RevealControl {
  shown: RevealStep;
  next: RevealStep | null;
  secondsLeft: number;
  busy: boolean;
  /** The step waiting for a reason, while the prompt is open. */
  askingReason: RevealStep | null;
  stepUp: () => void;
  /** One step above the current, or any step below it. */
  goTo: (step: RevealStep) => void;
  veil: () => void;
  giveReason: (reason: string) => Promise<boolean>;
  cancelReason: () => void;
  error: string | null;
}

/** `frame`: the still of the item the ladder acts on (a video keyframe), or null for its picture. */
export function useRevealControl(
  itemId: string,
  revealable: boolean,
  frame: number | null = null,
): RevealControl {
  const reveal = useReveal();
  const settings = useSettings((s) => s.settings);
  const [askingReason, setAskingReason] = useState<RevealStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const intl = useIntl();
  const live = reveal.itemId === itemId && reveal.frame === frame && reveal.until !== null;
  const now = useTicker(live, 250);
  const shown = shownStep(reveal, itemId, now, frame);
  const next = revealable ? stepAfter(shown, settings.greyStep) : null;

  const unveil = async (step: RevealStep, reason?: string) => {
    setError(null);
    const outcome = await useReveal.getState().unveil(itemId, step, reason, undefined, frame);
    if (!outcome.ok) setError(describeError(intl, outcome.error));
  };

  const goTo = (step: RevealStep) => {
    if (!revealable || reveal.busy || step === shown) return;
    if (step === 'veiled') return void useReveal.getState().veil();
    const up = revealRank(step) > revealRank(shown);
    if (up && step !== next) return;
    if (up && shown === 'veiled' && settings.reasonPrompt) return setAskingReason(step);
    void unveil(step);
  };

  return {
    shown,
    next,
    secondsLeft: secondsLeft(live ? reveal.until : null, now),
    busy: reveal.busy,
    askingReason,
    stepUp: () => {
      if (next) goTo(next);
    },
    goTo,
    veil: () => void useReveal.getState().veil(),
    giveReason: async (reason) => {
      const step = askingReason;
      if (!step) return false;
      // The reason goes into the custody entry of this unveiling, not into the item's notes.
      setAskingReason(null);
      await unveil(step, reason);
      return true;
    },
    cancelReason: () => setAskingReason(null),
    error,
  };
}
