// HTML reduced to readable text, never rendered: a streaming parse (htmlparser2, no DOM, no
// script, no style, no network) that keeps the words in reading order, one block per line, and
// collects what a reviewer traces (links, images, the page's own URL and title) as plain strings.

import { Parser } from 'htmlparser2';

export interface HtmlReading {
  /** One line per block (paragraph, heading, list item, table row). */
  lines: string[];
  title: string | null;
  /** Every href, resolved against the page's URL when it has one; in document order, unique. */
  links: string[];
  /** Every image source, resolved the same way (data: URIs as written). */
  images: string[];
  /** The page's URL as the capture states it (canonical link, og:url, a "saved from" comment). */
  pageUrl: string | null;
  /** When a saving tool says it captured the page (SingleFile's "saved date"), ISO-8601 UTC. */
  savedAt: string | null;
  /** <html lang>, as written. */
  lang: string | null;
  /** Other <meta> facts worth showing (description, author, publication time). */
  meta: Record<string, string>;
}

/** Elements whose content is never text: code, styling, embedded objects. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'object',
  'iframe',
]);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tr',
  'ul',
  'body',
  'html',
  'head',
  'option',
  'legend',
  'details',
  'summary',
]);
const CELLS = new Set(['td', 'th']);
const META_FACTS: Record<string, string> = {
  description: 'description',
  author: 'author',
  'og:title': 'ogTitle',
  'article:published_time': 'publishedAt',
  'article:author': 'articleAuthor',
};
// Chrome's "<!-- saved from url=(0023)https://… -->" and SingleFile's comment block.
const SAVED_FROM = /saved from url=\(\d+\)(\S+)/i;
const SINGLEFILE_URL = /^\s*url:\s*(\S+)/im;
const SINGLEFILE_DATE = /^\s*saved date:\s*(.+)$/im;

export function readHtml(html: string, baseUrl: string | null = null): HtmlReading {
  const reading: HtmlReading = {
    lines: [],
    title: null,
    links: [],
    images: [],
    pageUrl: null,
    savedAt: null,
    lang: null,
    meta: {},
  };
  const rawLinks: string[] = [];
  const rawImages: string[] = [];
  let line = '';
  let skipping = 0;
  let inTitle = false;
  let inPre = 0;
  let title = '';
  let canonical: string | null = null;
  let ogUrl: string | null = null;
  let commentUrl: string | null = null;
  const endLine = () => {
    const text = inPre > 0 ? line.replace(/\s+$/, '') : line.replace(/\s+/g, ' ').trim();
    if (text !== '') reading.lines.push(text);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) skipping++;
        if (skipping > 0) return;
        if (name === 'title') inTitle = true;
        if (name === 'pre') inPre++;
        if (BLOCKS.has(name)) endLine();
        if (CELLS.has(name)) line += ' ';
        if (name === 'html' && attrs['lang']) reading.lang = attrs['lang'];
        if ((name === 'a' || name === 'area') && attrs['href']) rawLinks.push(attrs['href']);
        if (name === 'img' && attrs['src']) rawImages.push(attrs['src']);
        if (name === 'link' && /\bcanonical\b/i.test(attrs['rel'] ?? '') && attrs['href']) {
          canonical = attrs['href'];
        }
        if (name === 'meta') readMeta(attrs);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping > 0) return;
        if (name === 'title') inTitle = false;
        if (BLOCKS.has(name)) endLine();
        if (name === 'pre') inPre = Math.max(0, inPre - 1);
      },
      ontext(text) {
        if (skipping > 0) return;
        if (inTitle) {
          title += text;
          return;
        }
        if (inPre > 0) {
          const [first, ...rest] = text.split('\n');
          line += first;
          for (const part of rest) {
            endLine();
            line = part;
          }
        } else line += text;
      },
      oncomment(data) {
        const saved = SAVED_FROM.exec(data) ?? SINGLEFILE_URL.exec(data);
        if (saved?.[1] && !commentUrl) commentUrl = saved[1];
        const date = SINGLEFILE_DATE.exec(data)?.[1];
        if (date && !reading.savedAt) reading.savedAt = isoOrNull(date);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  function readMeta(attrs: Record<string, string>) {
    const key = (attrs['property'] ?? attrs['name'] ?? '').toLowerCase();
    const content = attrs['content'];
    if (!content) return;
    if (key === 'og:url') ogUrl = content;
    const fact = META_FACTS[key];
    if (fact) reading.meta[fact] = content;
  }
  parser.write(html);
  parser.end();
  endLine();
  reading.title = title.replace(/\s+/g, ' ').trim() || null;
  reading.pageUrl = baseUrl ?? canonical ?? ogUrl ?? commentUrl;
  const base = reading.pageUrl;
  reading.links = unique(rawLinks.map((href) => resolve(href, base)));
  reading.images = unique(rawImages.map((src) => resolve(src, base)));
  return reading;
}

/** `ref` against `base` when both make an absolute URL; otherwise as written. */
export function resolve(ref: string, base: string | null): string {
  const trimmed = ref.trim();
  if (/^data:/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return trimmed;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function isoOrNull(raw: string): string | null {
  // SingleFile writes Date.prototype.toString(): "Mon Nov 30 2026 12:00:00 GMT+0100 (…)".
  const t = Date.parse(raw.replace(/\s*\(.*\)\s*$/, ''));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
