// pdf.js gives a page's text as runs in drawing order. Right-to-left scripts come out as they were
// drawn: glyph by glyph, left to right (the reverse of reading order), and as Arabic presentation
// forms (ﺳ, ﺄ …) that no search or reader expects. This turns the runs into lines in reading order
// and plain letters.

export interface TextRun {
  str: string;
  /** pdf.js's own guess for the run. */
  dir: string;
  /** Horizontal position on the page (transform[4]). */
  x: number;
  /** True when pdf.js saw the line end after this run. */
  hasEOL: boolean;
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const LTR_CHAR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u052f0-9]/u;
const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefe]/gu;

/** Lines of one page in reading order. Empty runs that only end a line are dropped. */
export function pageLines(runs: readonly TextRun[]): string[] {
  const lines: string[] = [];
  let current: TextRun[] = [];
  const flush = () => {
    lines.push(orderLine(current));
    current = [];
  };
  for (const run of runs) {
    if (run.str !== '') current.push(run);
    if (run.hasEOL) flush();
  }
  if (current.length > 0) flush();
  return lines.map((l) => l.normalize('NFC')).filter((l, i, all) => l !== '' || i < all.length - 1);
}

/** A line is right-to-left when most of its letters are (pdf.js gives no paragraph direction). */
function orderLine(runs: TextRun[]): string {
  const rtl = runs.reduce((n, r) => n + countMatches(r.str, RTL_CHAR), 0);
  const ltr = runs.reduce((n, r) => n + countMatches(r.str, LTR_CHAR), 0);
  if (rtl === 0 || rtl < ltr) return plainLetters(runs.map((r) => r.str).join(''));
  // A right-to-left line: read from the right edge, but keep embedded left-to-right words (Latin,
  // digits) in their own order.
  const visual = [...runs].sort((a, b) => b.x - a.x);
  const out: string[] = [];
  let ltrGroup: string[] = [];
  for (const run of visual) {
    const isLtr = LTR_CHAR.test(run.str) && !RTL_CHAR.test(run.str);
    const isNeutral = !LTR_CHAR.test(run.str) && !RTL_CHAR.test(run.str);
    if (isLtr || (isNeutral && ltrGroup.length > 0)) ltrGroup.push(run.str);
    else {
      out.push(...closeGroup(ltrGroup));
      ltrGroup = [];
      out.push(run.str);
    }
  }
  out.push(...closeGroup(ltrGroup));
  return plainLetters(out.join(''));
}

/**
 * A left-to-right group read from the right comes out reversed: put it back. Spaces at its left
 * edge follow it in reading order, so they stay after it.
 */
function closeGroup(group: string[]): string[] {
  const spaces: string[] = [];
  while (group.length > 0 && group[group.length - 1]!.trim() === '') spaces.push(group.pop()!);
  return [...group.reverse(), ...spaces];
}

function countMatches(s: string, re: RegExp): number {
  let n = 0;
  for (const ch of s) if (re.test(ch)) n++;
  return n;
}

/**
 * Arabic presentation forms back to the letters they draw (ﻻ → لا); nothing else is touched. The
 * isolated forms of the marks (ﹰ, U+FE70, and its kin) decompose to a space and the mark, and pdf.js
 * may put a space between a letter and its mark: the mark belongs on the letter, so the space goes.
 */
export function plainLetters(s: string): string {
  return s.replace(PRESENTATION_FORMS, (ch) => ch.normalize('NFKC')).replace(/ (?=\p{Mn})/gu, '');
}
