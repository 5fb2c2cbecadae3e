// Find-in-document over the text layer's lines: every occurrence of the words, case-folded, as
// [line, start, end) ranges in UTF-16 offsets, so the view can mark them without building markup.

export interface FoundRange {
  /** 0-based line index. */
  line: number;
  start: number;
  end: number;
}

/** Occurrences of `query` in `lines`, in reading order; nothing for an empty query. */
export function findInLines(
  lines: readonly string[],
  query: string,
  locale?: string,
): FoundRange[] {
  const needle = query.trim().toLocaleLowerCase(locale);
  if (needle === '') return [];
  const found: FoundRange[] = [];
  lines.forEach((line, i) => {
    // Lower-casing keeps UTF-16 lengths for the scripts read here (Latin, Cyrillic, Arabic).
    const hay = line.toLocaleLowerCase(locale);
    if (hay.length !== line.length) return;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      found.push({ line: i, start: at, end: at + needle.length });
    }
  });
  return found;
}

/** A line cut into plain and marked pieces for the ranges on it. */
export function markedPieces(
  line: string,
  ranges: readonly { start: number; end: number }[],
): { text: string; marked: boolean; index: number }[] {
  const pieces: { text: string; marked: boolean; index: number }[] = [];
  let at = 0;
  ranges.forEach((r, index) => {
    if (r.start > at) pieces.push({ text: line.slice(at, r.start), marked: false, index: -1 });
    pieces.push({ text: line.slice(r.start, r.end), marked: true, index });
    at = r.end;
  });
  if (at < line.length) pieces.push({ text: line.slice(at), marked: false, index: -1 });
  return pieces;
}
