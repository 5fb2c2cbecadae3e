// The language of a text layer, by eld's n-gram model (measured against franc on Arabic, Farsi,
// Russian and English sentences: franc called Russian Bulgarian and English Scots; eld named all
// four, Farsi and Arabic apart). Only a sample is read: a language shows in its first pages.
import { eld } from 'eld/medium';

const SAMPLE_CHARS = 20_000;
/** Fewer letters than this say nothing reliable about a language. */
const MIN_LETTERS = 12;

/** ISO 639-1 code ('ar', 'fa', 'ru', 'en', …), or null when the text is too short or unclear. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const found = eld.detect(sample);
  return found.isReliable() && found.language ? found.language : null;
}
