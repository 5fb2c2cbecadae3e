// What every importer yields, one per line or record of the file, in file order: an entry to add,
// a tombstone that takes one out, or a problem that skips the line (reported with its number).

export interface ListEntry {
  hashType: string;
  value: string;
  /** `${scheme}:${code}` the list gives this hash, if any. */
  categoryId: string | null;
  /** A known false positive (ThreatExchange NEGATIVE_CLASS, or a --negative list). */
  negative: boolean;
}

export type ParsedRecord =
  | { line: number; kind: 'entry'; entry: ListEntry }
  | { line: number; kind: 'tombstone'; hashType: string; value: string }
  | { line: number; kind: 'problem'; reason: string };

export type RecordSource = AsyncIterable<ParsedRecord>;

export const problem = (line: number, reason: string): ParsedRecord => ({
  line,
  kind: 'problem',
  reason,
});
