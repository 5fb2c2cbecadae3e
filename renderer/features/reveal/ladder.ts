// The reveal ladder as the reviewer climbs it: one step at a time, greyscale skipped when the
// settings say so, and never past colour.
import type { RevealStep } from '../../../shared/domain/item.ts';

// The rule itself is shared with the core, which enforces it; the renderer only shows its buttons.
export {
  revealLadder as ladder,
  nextRevealStep as stepAfter,
} from '../../../shared/domain/item.ts';

export const stepLabels: Record<RevealStep, string> = {
  veiled: 'Veiled',
  outline: 'Outline',
  grey: 'Greyscale',
  plain: 'Colour',
};

/** What each step shows, for the stepper's descriptions. */
export const stepHints: Record<RevealStep, string> = {
  veiled: 'Blurred and grey: shapes only.',
  outline: 'A line drawing: edges without skin, blood or texture.',
  grey: 'The image without colour.',
  plain: 'The image as it is.',
};

/** Whole seconds left until `until`, never below zero. */
export function secondsLeft(until: number | null, now: number): number {
  if (until === null) return 0;
  return Math.max(0, Math.ceil((until - now) / 1000));
}
