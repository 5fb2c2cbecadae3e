// Where the query's words sit in a line as written: the line is folded one character (with its
// combining marks) at a time, keeping each folded character's place in the original, so a word
// found in the folded text marks the right span of the original (a diacritic, a tatweel or a ZWNJ
// inside the word is marked with it).
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

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

/** Whether a code point is a combining mark (\p{M}), remembered likewise. None is below U+0300. */
const marks = new Map<number, boolean>();
const MARK = /\p{M}/u;

function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  let m = marks.get(cp);
  if (m === undefined) {
    if (marks.size >= FOLDS_KEPT) marks.clear();
    m = MARK.test(String.fromCodePoint(cp));
    marks.set(cp, m);
  }
  return m;
}

/**
 * The line folded a character (with its combining marks) at a time, and for each folded UTF-16
 * unit the [start, end) of its original character in `starts` and `ends`. Walks the code points
 * itself, where a /\P{M}\p{M}*|\p{M}+/gu match and a [start, end] pair for every unit were most
 * of the marking's time once FTS5 stopped being most of a search's.
 */
function foldWithMap(raw: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const start = i;
    const cp = raw.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    // A character and the marks after it, or the marks a line begins with.
    while (i < raw.length) {
      const next = raw.codePointAt(i) ?? 0;
      if (!isMark(next)) break;
      i += next > 0xffff ? 2 : 1;
    }
    // ASCII folds to its lower case and nothing else (no mark, no compatibility form).
    const f =
      i - start === 1 && cp < 0x80
        ? cp >= 0x41 && cp <= 0x5a
          ? String.fromCharCode(cp + 0x20)
          : (raw[start] ?? '')
        : foldCluster(raw.slice(start, i));
    for (let k = 0; k < f.length; k++) {
      starts.push(start);
      ends.push(i);
    }
    folded += f;
  }
  return { folded, starts, ends };
}

/** [start, end) spans of `raw` where each folded term begins a word; merged and sorted. */
export function markTerms(raw: string, terms: readonly string[]): [number, number][] {
  const { folded, starts, ends } = foldWithMap(raw);
  const found: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const first = starts[at];
      let end = ends[at + term.length - 1];
      if (first === undefined || end === undefined) continue;
      // Extend a prefix match to the end of its word, as FTS5 matched the whole token.
      while (end < raw.length && /[\p{L}\p{N}\p{M}\u0640\u200c]/u.test(raw[end] ?? '')) end++;
      found.push([first, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const m of found) {
    const prev = merged.at(-1);
    if (prev && m[0] <= prev[1]) prev[1] = Math.max(prev[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  return merged;
}
