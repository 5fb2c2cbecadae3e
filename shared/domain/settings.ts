// The reviewer's settings, kept inside the vault (electron/core/settings) so the core enforces them.
import { z } from 'zod';
import { interfaceLanguages } from '../i18n/languages.ts';
import { caseKindSchema, type CaseKind } from './case.ts';

/** How written content of a case kind opens: shown, or behind one deliberate step. */
export const textGateChoices = ['shown', 'step'] as const;
export type TextGateChoice = (typeof textGateChoices)[number];

export const settingsSchema = z.object({
  /** Seconds before an unveiled item veils itself again. */
  revealSeconds: z.number().int().min(3).max(120),
  /** Ask for a reason before each unveiling. */
  reasonPrompt: z.boolean(),
  /** Offer the greyscale step between outline and colour. */
  greyStep: z.boolean(),
  autoLockMinutes: z.number().int().min(1).max(240),
  /** Minutes unveiled today after which a break is suggested. */
  exposureBreakMinutes: z.number().int().min(1).max(600),
  /** Show screenshots and screen sharing nothing (macOS, Windows). */
  contentProtection: z.boolean(),
  /** The interface language; 'system' follows the OS's preferred languages. */
  language: z.enum(['system', ...interfaceLanguages]),
  /** Show evidence dates in the language's own calendar and digits (display only). */
  localCalendar: z.boolean(),
  /** Per case kind: whether an item's text opens shown or behind a logged step (every kind named). */
  textGate: z.record(caseKindSchema, z.enum(textGateChoices)),
});
export type Settings = z.infer<typeof settingsSchema>;
export type LanguageChoice = Settings['language'];

export const defaultSettings: Settings = {
  revealSeconds: 10,
  reasonPrompt: false,
  greyStep: true,
  autoLockMinutes: 5,
  exposureBreakMinutes: 20,
  contentProtection: true,
  language: 'system',
  localCalendar: false,
  textGate: defaultTextGate(),
};

/** Behind a step where the words themselves harm the reader: abuse, extremist propaganda, and
 * self-harm (the issue leaves it open; it wounds like the first two). Shown where the words are
 * the threat the reviewer assesses. */
function defaultTextGate(): Record<CaseKind, TextGateChoice> {
  return {
    'child-safety': 'step',
    terrorism: 'step',
    'self-harm': 'step',
    'threat-of-violence': 'shown',
    harassment: 'shown',
    disinformation: 'shown',
    doxxing: 'shown',
    other: 'shown',
  };
}
