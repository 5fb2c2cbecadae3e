// Text evidence (chat exports, JSON dumps, saved web pages) is recognised by its bytes: valid
// UTF-8, or UTF-16 with a byte-order mark, with no NULs or stray control characters. The name's
// extension may then say which kind of text, but only where the content agrees: a file called
// .json that does not start like JSON is plain text, and a web page called .txt is plain text too.
// Bytes in a legacy 8-bit encoding (windows-1256, KOI8-R, …) are text too when they hold no control
// character; which encoding is for the text extractor to detect. E-mail is recognised by its
// headers and an mbox by its "From " line, whatever the name.
import { extname } from 'node:path';
import type { Sniffed, SniffKind } from './sniff.ts';

export interface TextHints {
  /** The file's name (or path), for its extension. */
  name?: string;
  /** True when `head` is the whole file, not just its start. */
  complete?: boolean;
}

interface TextKind {
  mime: string;
  ext: string;
  kind: SniffKind;
  agrees(text: string, complete: boolean): boolean;
}

const startsWithAny = (text: string, starts: string[]): boolean => {
  const lead = text.trimStart().slice(0, 64).toLowerCase();
  return starts.some((s) => lead.startsWith(s));
};

function looksLikeJson(text: string, complete: boolean): boolean {
  if (!startsWithAny(text, ['{', '['])) return false;
  if (!complete) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const HTML: TextKind = {
  mime: 'text/html',
  ext: 'html',
  kind: 'web',
  agrees: (t) => startsWithAny(t, ['<!doctype html', '<html', '<head', '<body', '<!--']),
};
const XML: TextKind = {
  mime: 'application/xml',
  ext: 'xml',
  kind: 'text',
  agrees: (t) => startsWithAny(t, ['<?xml', '<']),
};
const ANY = (): boolean => true;

/** Extensions that name a kind of text, each with what its content must look like. */
const BY_EXTENSION: Record<string, TextKind> = {
  '.txt': { mime: 'text/plain', ext: 'txt', kind: 'text', agrees: ANY },
  '.log': { mime: 'text/plain', ext: 'log', kind: 'text', agrees: ANY },
  '.json': { mime: 'application/json', ext: 'json', kind: 'text', agrees: looksLikeJson },
  '.html': HTML,
  '.htm': HTML,
  '.xml': XML,
  '.csv': { mime: 'text/csv', ext: 'csv', kind: 'text', agrees: ANY },
  '.md': { mime: 'text/markdown', ext: 'md', kind: 'text', agrees: ANY },
  '.eml': {
    mime: 'message/rfc822',
    ext: 'eml',
    kind: 'email',
    agrees: (t) => /^[A-Za-z-]+:/.test(t.trimStart()),
  },
};
const PLAIN: Sniffed = { mime: 'text/plain', ext: 'txt', kind: 'text' };
const EMAIL: Sniffed = { mime: 'message/rfc822', ext: 'eml', kind: 'email' };
const MBOX: Sniffed = { mime: 'application/mbox', ext: 'mbox', kind: 'email' };

/** The headers a mail message starts with; three header lines, one of these among them, is mail. */
const MAIL_HEADER =
  /^(from|to|cc|date|subject|message-id|received|return-path|mime-version|delivered-to):/i;
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+:/;

/** An mbox's first line: "From ", the envelope sender, then an asctime date. */
const MBOX_FROM = /^From \S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) /;

function looksLikeMail(text: string): boolean {
  const lines = text.split(/\r?\n/, 40);
  let headers = 0;
  let known = false;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && headers > 0) continue; // a folded header's continuation
    if (!HEADER_LINE.test(line)) return false;
    headers++;
    known ||= MAIL_HEADER.test(line);
  }
  return headers >= 3 && known;
}

// NUL and the C0 controls no text file holds; tab, line breaks, form feed and ESC (coloured logs)
// are allowed.
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/;

/** Whether `head` opens with a UTF-8 or UTF-16 byte-order mark. */
export function startsWithBom(head: Uint8Array): boolean {
  const [a, b, c] = head;
  return (
    (a === 0xef && b === 0xbb && c === 0xbf) ||
    (a === 0xff && b === 0xfe) ||
    (a === 0xfe && b === 0xff)
  );
}

/** The head as text in some 8-bit encoding (still unknown), or null when it holds controls. */
function decodeEightBit(head: Uint8Array): string | null {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  return NOT_TEXT.test(text) ? null : text;
}

/** The head as text, or null when it is not text. A head cut short may end mid-character. */
function decodeText(head: Uint8Array, complete: boolean): string | null {
  let encoding = 'utf-8';
  let body = head;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) body = head.subarray(3);
  else if (head[0] === 0xff && head[1] === 0xfe) [encoding, body] = ['utf-16le', head.subarray(2)];
  else if (head[0] === 0xfe && head[1] === 0xff) [encoding, body] = ['utf-16be', head.subarray(2)];
  try {
    // stream: true lets a character split by the end of the head wait for bytes never given.
    const text = new TextDecoder(encoding, { fatal: true }).decode(body, { stream: !complete });
    return NOT_TEXT.test(text) ? null : text;
  } catch {
    return encoding === 'utf-8' ? decodeEightBit(body) : null;
  }
}

/** The MIME type of `head` if it is text, or null if it is not. */
export function sniffText(head: Uint8Array, hints: TextHints = {}): Sniffed | null {
  if (head.length === 0) return null;
  const complete = hints.complete ?? false;
  const text = decodeText(head, complete);
  if (text === null || text.trim().length === 0) return text === null ? null : PLAIN;
  if (MBOX_FROM.test(text)) return MBOX;
  if (looksLikeMail(text)) return EMAIL;
  const kind = hints.name ? BY_EXTENSION[extname(hints.name).toLowerCase()] : undefined;
  if (kind?.agrees(text, complete)) return { mime: kind.mime, ext: kind.ext, kind: kind.kind };
  return PLAIN;
}
