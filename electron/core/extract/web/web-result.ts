// One result for every kind of web capture (a page saved as HTML, MHTML, WARC or WACZ): the
// readable text of each page, the page URL and capture time as facts and event time, links as
// text, and every image the pages show that the capture holds as a child item (veiled like any
// image). Captures of several pages open each page's text with a marker line naming its URL.
import { ChildBudget } from '../child-budget.ts';
import { emptyResult } from '../extract-result.ts';
import type { ExtractLimits, ExtractResult } from '../extract-result.ts';
import { decodeDataUri, imageExtension } from './data-uri.ts';
import type { HtmlReading } from './html-text.ts';

/** A file the capture holds besides the page (an image), found by the URL the page uses. */
export interface CapturedFile {
  bytes: Uint8Array;
  mime: string | null;
}

export interface WebCapture {
  mime: string;
  encoding: string | null;
  pages: HtmlReading[];
  /** When the capture was made, from the container (WARC-Date, the MHTML Date), ISO-8601 UTC. */
  capturedAt: string | null;
  /** Finds an image the capture holds by its resolved URL. */
  lookup: (url: string) => CapturedFile | null;
  facts?: Record<string, unknown>;
}

export const pageMarker = (url: string) => `[page ${url}]`;

export function webResult(capture: WebCapture, limits: ExtractLimits): ExtractResult {
  const result = emptyResult('web');
  result.mime = capture.mime;
  result.encoding = capture.encoding;
  const [first] = capture.pages;
  const capturedAt = capture.capturedAt ?? first?.savedAt ?? null;
  const facts: Record<string, unknown> = { ...(first?.meta ?? {}), ...(capture.facts ?? {}) };
  if (first?.pageUrl) facts['url'] = first.pageUrl;
  if (first?.title) facts['title'] = first.title;
  if (first?.lang) facts['lang'] = first.lang;
  if (capturedAt) facts['capturedAt'] = capturedAt;
  if (capture.pages.length > 1) facts['pages'] = capture.pages.map((p) => p.pageUrl);
  result.facts = facts;
  result.eventAt = capturedAt;
  const lines: string[] = [];
  for (const page of capture.pages) {
    if (capture.pages.length > 1) lines.push(pageMarker(page.pageUrl ?? '?'));
    lines.push(...page.lines);
  }
  const text = lines.join('\n');
  result.text = text.slice(0, limits.maxTextChars);
  result.links = [...new Set(capture.pages.flatMap((p) => p.links))];
  const budget = new ChildBudget(result.children, limits);
  const problems: string[] = [];
  let n = 0;
  for (const src of new Set(capture.pages.flatMap((p) => p.images))) {
    const file = imageFile(src, capture.lookup);
    if (!file) continue;
    n++;
    budget.add(`images/${childName(src, file, n)}`, file.bytes);
  }
  if (text.length > limits.maxTextChars) problems.push('text cut at the size limit');
  const left = budget.note();
  if (left) problems.push(left);
  result.damaged = problems.length > 0 ? problems.join('; ') : null;
  return result;
}

function imageFile(src: string, lookup: WebCapture['lookup']): CapturedFile | null {
  if (/^data:/i.test(src)) return decodeDataUri(src);
  return lookup(src);
}

/** The image's own file name from its URL when it has one, else image-N with its type's extension. */
function childName(src: string, file: CapturedFile, n: number): string {
  if (!/^data:/i.test(src)) {
    try {
      const last = decodeURIComponent(new URL(src).pathname.split('/').pop() ?? '');
      if (/\.[A-Za-z0-9]{2,5}$/.test(last)) return last;
    } catch {
      // Not a URL: named by its position below.
    }
  }
  return `image-${n}.${imageExtension(file.mime ?? 'application/octet-stream')}`;
}
