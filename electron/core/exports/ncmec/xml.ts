// A small XML writer for the drafts: elements in the order given (the schema's xs:sequence decides
// it, not this file), text escaped, and characters XML 1.0 cannot carry dropped, so a file name
// with a control character still gives a well-formed document.

export interface XmlElement {
  name: string;
  attrs?: Readonly<Record<string, string>>;
  /** Text, or child elements; an empty array is an empty element. */
  content: string | readonly (XmlElement | null)[];
}

// Tab, newline and carriage return, then the printable planes XML 1.0 allows.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An element, or null when the value is absent (so optional fields drop out of the sequence). */
export function el(
  name: string,
  content: XmlElement['content'] | number | boolean | null | undefined,
  attrs?: Record<string, string>,
): XmlElement | null {
  if (content === null || content === undefined) return null;
  const body =
    typeof content === 'number' || typeof content === 'boolean' ? String(content) : content;
  return attrs ? { name, attrs, content: body } : { name, content: body };
}

function render(e: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(e.attrs ?? {})
    .map(([k, v]) => ` ${k}="${xmlText(v)}"`)
    .join('');
  if (typeof e.content === 'string') {
    out.push(`${pad}<${e.name}${attrs}>${xmlText(e.content)}</${e.name}>`);
    return;
  }
  const children = e.content.filter((c): c is XmlElement => c !== null);
  if (!children.length) {
    out.push(`${pad}<${e.name}${attrs}/>`);
    return;
  }
  out.push(`${pad}<${e.name}${attrs}>`);
  for (const c of children) render(c, depth + 1, out);
  out.push(`${pad}</${e.name}>`);
}

export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return out.join('\n') + '\n';
}
