// What of an item's facts may be answered while its text is behind the text gate: only what
// carries no written content. Headers, subjects, titles, authors, URLs, participants and chat
// names are words of the evidence and are withheld; counts, flags, encodings, formats and dates
// are not. An allowlist, so a fact a new extractor adds stays withheld until it is named here.

/** Facts whose value is structure, whatever its type (text facts of other keys are withheld). */
const STRUCTURAL = new Set([
  'encoding',
  'format',
  'timeZone',
  'lang',
  'pdfVersion',
  'createdAt',
  'modifiedAt',
  'capturedAt',
  'firstMessageAt',
  'lastMessageAt',
  'pageLines',
  'media',
]);

/** The facts of a gated item that may still be answered: numbers, flags and structural keys. */
export function unwrittenFacts(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts).filter(
      ([key, value]) =>
        typeof value === 'number' || typeof value === 'boolean' || STRUCTURAL.has(key),
    ),
  );
}
