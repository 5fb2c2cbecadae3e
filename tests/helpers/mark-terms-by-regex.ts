// markTerms (electron/core/search/search-marks.ts) as it was before it walked code points itself:
// a /\P{M}\p{M}*|\p{M}+/gu match per character, each folded (and the fold remembered, as then),
// and a [start, end] pair per folded unit. The reference its replacement must equal
// (search-marks.test.ts) and the bench's baseline.
import { foldForSearch } from '../../shared/domain/search-fold.ts';

const folds = new Map<string, string>();

function foldCluster(cluster: string): string {
  let f = folds.get(cluster);
  if (f === undefined) {
    if (folds.size >= 4096) folds.clear();
    f = foldForSearch(cluster);
    folds.set(cluster, f);
  }
  return f;
}

export function markTermsByRegex(raw: string, terms: readonly string[]): [number, number][] {
  let folded = '';
  const spans: [number, number][] = [];
  for (const m of raw.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const f = foldCluster(m[0]);
    for (let k = 0; k < f.length; k++) spans.push([m.index, m.index + m[0].length]);
    folded += f;
  }
  const marks: [number, number][] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const first = spans[at];
      const last = spans[at + term.length - 1];
      if (!first || !last) continue;
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
