// The reveal ladder as the reviewer climbs it: one step at a time, greyscale skipped when the
// settings say so, and never past colour.
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { RevealStep } from '../../../shared/domain/item.ts';

// The rule itself is shared with the core, which enforces it; the renderer only shows its buttons.
export {
  revealLadder as ladder,
  nextRevealStep as stepAfter,
} from '../../../shared/domain/item.ts';

export const stepLabels: Record<RevealStep, MessageDescriptor> = defineMessages({
  veiled: { id: 'reveal.step.veiled', defaultMessage: 'Veiled' },
  outline: { id: 'reveal.step.outline', defaultMessage: 'Outline' },
  grey: { id: 'reveal.step.grey', defaultMessage: 'Greyscale' },
  plain: { id: 'reveal.step.plain', defaultMessage: 'Colour' },
});

/** A step named within a sentence ("Reveal: outline"): its own message, since not every language
 * lowers a title's case to get one. */
export const stepWords: Record<RevealStep, MessageDescriptor> = defineMessages({
  veiled: { id: 'reveal.word.veiled', defaultMessage: 'veiled' },
  outline: { id: 'reveal.word.outline', defaultMessage: 'outline' },
  grey: { id: 'reveal.word.grey', defaultMessage: 'greyscale' },
  plain: { id: 'reveal.word.plain', defaultMessage: 'colour' },
});

/** What each step shows, for the stepper's descriptions. */
export const stepHints: Record<RevealStep, MessageDescriptor> = defineMessages({
  veiled: { id: 'reveal.hint.veiled', defaultMessage: 'Blurred and grey: shapes only.' },
  outline: {
    id: 'reveal.hint.outline',
    defaultMessage: 'A line drawing: edges without skin, blood or texture.',
  },
  grey: { id: 'reveal.hint.grey', defaultMessage: 'The image without colour.' },
  plain: { id: 'reveal.hint.plain', defaultMessage: 'The image as it is.' },
});

/** Whole seconds left until `until`, never below zero. */
export function secondsLeft(until: number | null, now: number): number {
  if (until === null) return 0;
  return Math.max(0, Math.ceil((until - now) / 1000));
}
