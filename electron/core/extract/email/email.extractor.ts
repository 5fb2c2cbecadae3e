// E-mail: one .eml (RFC 5322 + MIME) or an mbox of many, parsed by postal-mime inside the decode
// process. The text layer is each message's header block and text body (an HTML-only body is
// reduced to text by postal-mime's tokenizer, never rendered); headers go into facts (and the
// search index); attachments become children, ingested like any file.
import PostalMime, { type Address, type Email } from 'postal-mime';
import {
  emptyResult,
  type ExtractedChild,
  type ExtractLimits,
  type Extractor,
  type ExtractResult,
} from '../extract-result.ts';
import { bytesOf, keepChars } from '../source.ts';
import { neutralisePath } from '../inner-path.ts';
import { splitMbox } from './mbox.ts';
import { htmlToText } from '../html-text.ts';

/** MIME nesting beyond this is refused as hostile (postal-mime's own limit is 256). */
const MAX_NESTING = 50;

function addresses(list: Address[] | Address | undefined): string[] {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return all.flatMap((a) =>
    'group' in a && a.group
      ? addresses(a.group)
      : [a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? '')],
  );
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The headers a reviewer reads, and the whole Received chain, as text. */
function headersOf(mail: Email): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const put = (name: string, value: string | string[] | undefined) => {
    if (value !== undefined && value.length > 0) headers[name] = value;
  };
  put('From', addresses(mail.from).join(', '));
  put('To', addresses(mail.to).join(', '));
  put('Cc', addresses(mail.cc).join(', '));
  put('Date', mail.date);
  put('Subject', mail.subject);
  put('Message-ID', mail.messageId);
  put(
    'Received',
    mail.headers
      .filter((h) => h.key === 'received')
      .map((h) => h.value.replace(/\s+/g, ' ').trim()),
  );
  return headers;
}

function headerBlock(headers: Record<string, string | string[]>): string {
  return ['From', 'To', 'Cc', 'Date', 'Subject']
    .filter((k) => typeof headers[k] === 'string')
    .map((k) => `${k}: ${String(headers[k])}`)
    .join('\n');
}

function attachmentBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

interface Budget {
  bytes: number;
  children: number;
}

function childrenOf(
  mail: Email,
  prefix: string,
  limits: ExtractLimits,
  budget: Budget,
): { children: ExtractedChild[]; skipped: number } {
  const children: ExtractedChild[] = [];
  let skipped = 0;
  for (const [i, a] of mail.attachments.entries()) {
    const bytes = attachmentBytes(a.content);
    if (
      bytes.length > limits.maxChildBytes ||
      bytes.length > budget.bytes ||
      budget.children <= 0
    ) {
      skipped++;
      continue;
    }
    budget.bytes -= bytes.length;
    budget.children--;
    const name = neutralisePath(a.filename ?? `attachment-${i + 1}`);
    children.push({ path: `${prefix}${name}`, bytes, modifiedAt: null });
  }
  return { children, skipped };
}

/** The text body; an HTML-only message's body reduced to text by a parser, never rendered. */
function bodyText(mail: Email): string {
  const text = mail.text ?? (mail.html === undefined ? '' : htmlToText(mail.html).text);
  return text.replace(/\r\n/g, '\n');
}

async function parse(bytes: Uint8Array): Promise<Email> {
  return PostalMime.parse(bytes, {
    maxNestingDepth: MAX_NESTING,
    attachmentEncoding: 'arraybuffer',
  });
}

async function extractOne(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  const mail = await parse(bytes);
  const result = emptyResult('email');
  const headers = headersOf(mail);
  const body = bodyText(mail);
  const kept = keepChars(`${headerBlock(headers)}\n\n${body}`, limits.maxTextChars);
  result.mime = 'message/rfc822';
  result.text = kept.text;
  result.encoding = 'UTF-8';
  result.facts = { headers, attachments: mail.attachments.length };
  result.eventAt = isoDate(mail.date);
  const budget = { bytes: limits.maxTotalBytes, children: limits.maxChildren };
  const { children, skipped } = childrenOf(mail, 'attachments/', limits, budget);
  result.children = children;
  result.damaged = damage(kept.cut, skipped, limits);
  return result;
}

function damage(cut: boolean, skipped: number, limits: ExtractLimits): string | null {
  const parts: string[] = [];
  if (cut) parts.push(`the text was cut at ${limits.maxTextChars} characters`);
  if (skipped > 0)
    parts.push(`${skipped} attachment(s) over the unpacking limits were not unpacked`);
  return parts.length > 0 ? parts.join('; ') : null;
}

async function extractMbox(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  const result = emptyResult('email');
  result.mime = 'application/mbox';
  result.encoding = 'UTF-8';
  const budget = { bytes: limits.maxTotalBytes, children: limits.maxChildren };
  const blocks: string[] = [];
  let line = 1;
  let skipped = 0;
  let unreadable = 0;
  const messages = splitMbox(bytes);
  for (const [i, message] of messages.entries()) {
    let mail: Email;
    try {
      mail = await parse(message);
    } catch {
      unreadable++;
      continue;
    }
    const headers = headersOf(mail);
    const block = `${headerBlock(headers)}\n\n${bodyText(mail).trimEnd()}\n`;
    const at = isoDate(mail.date);
    if (at) {
      result.events.push({
        at,
        who: addresses(mail.from).join(', ') || null,
        text: mail.subject ?? '',
        line,
      });
    }
    result.eventAt ??= at;
    blocks.push(block);
    line += block.split('\n').length;
    const inner = childrenOf(mail, `message-${i + 1}/`, limits, budget);
    result.children.push(...inner.children);
    skipped += inner.skipped;
  }
  const kept = keepChars(blocks.join('\n'), limits.maxTextChars);
  result.text = kept.text;
  result.facts = { messages: messages.length };
  const problems = [
    damage(kept.cut, skipped, limits),
    unreadable > 0 ? `${unreadable} message(s) could not be read` : null,
  ];
  result.damaged = problems.filter(Boolean).join('; ') || null;
  return result;
}

export const extractEmail: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  return /^From \S/.test(new TextDecoder('latin1').decode(bytes.subarray(0, 64)))
    ? extractMbox(bytes, limits)
    : extractOne(bytes, limits);
};
