// Where the query's words sit in a line as written: the line is folded one character (with its
// combining marks) at a time, keeping each folded character's place in the original, so a word
// found in the folded text marks the right span of the original (a diacritic, a tatweel or a ZWNJ
// inside the word is marked with it).
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

/**
 * Each character's fold, remembered: folding one character at a time was most of a search's time
 * (58 of 149 ms for 200 hits, bench/written.bench.ts), and a case's lines repeat few characters.
 * Kept small; it holds single characters, never lines.
 */
const folds = new Map<string, string>();
const FOLDS_KEPT = 4096;

function foldCluster(cluster: string): string {
  let f = folds.get(cluster);
  if (f === undefined) {
    if (folds.size >= FOLDS_KEPT) folds.clear();
    f = foldForSearch(cluster);
    folds.set(cluster, f);
  }
  return f;
}

/** The line folded, and for each folded UTF-16 unit the [start, end) of its original character. */
function foldWithMap(raw: string): { folded: string; spans: [number, number][] } {
  let folded = '';
  const spans: [number, number][] = [];
  for (const m of raw.matchAll(CLUSTER)) {
    const start = m.index;
    const end = start + m[0].length;
    const f = foldCluster(m[0]);
    for (let k = 0; k < f.length; k++) spans.push([start, end]);
    folded += f;
  }
  return { folded, spans };
}

/** [start, end) spans of `raw` where each folded term begins a word; merged and sorted. */
export function markTerms(raw: string, terms: readonly string[]): [number, number][] {
  const { folded, spans } = foldWithMap(raw);
  const marks: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const first = spans[at];
      const last = spans[at + term.length - 1];
      if (!first || !last) continue;
      // Extend a prefix match to the end of its word, as FTS5 matched the whole token.
      let end = last[1];
      while (end < raw.length && /[\p{L}\p{N}\p{M}\u0640\u200c]/u.test(raw[end] ?? '')) end++;
      marks.push([first[0], end]);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const m of marks) {
    const prev = merged.at(-1);
    if (prev && m[0] <= prev[1]) prev[1] = Math.max(prev[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}
