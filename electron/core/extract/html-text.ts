// HTML reduced to readable text by a spec-compliant parser (parse5), never rendered: script,
// style and template contents are dropped, block elements end lines, links are collected as text.
// For e-mail bodies here; web captures can use the same reduction.
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'iframe',
  'object',
  'svg',
]);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'hr',
  'dd',
  'dt',
  'figcaption',
]);

export interface HtmlText {
  text: string;
  links: string[];
}

export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  const links: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) {
      out.push(node.value.replace(/\s+/g, ' '));
      return;
    }
    if (!('childNodes' in node)) return;
    const tag = 'tagName' in node ? node.tagName : '';
    if (SKIP.has(tag)) return;
    if (tag === 'a' && 'attrs' in node) {
      const href = node.attrs.find((a) => a.name === 'href')?.value;
      if (href) links.push(href);
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    for (const child of node.childNodes) walk(child);
    if (block) out.push('\n');
  };
  walk(parse(html));
  const text = out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, links };
}
