// Reading a list file as text: line by line for the line formats (streaming), whole for JSON.
// Binary or undecodable input refuses the file, naming the line, before anything is imported.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { HashListRefusedError } from './list-errors.ts';

/** A line longer than this is not a hash list's (a 10 MB run of garbage has no newlines). */
export const MAX_LINE_CHARS = 64 * 1024;
/** JSON lists are parsed whole; larger ones must come as line formats. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;

export interface TextLine {
  line: number;
  text: string;
}

const refuse = (path: string, reason: string) => new HashListRefusedError(basename(path), reason);

/** Lines of a UTF-8 file (a BOM dropped, CR LF or LF), numbered from 1. */
export async function* readLines(path: string): AsyncGenerator<TextLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let line = 0;
  let first = true;
  for await (const chunk of createReadStream(path)) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      throw refuse(path, `not UTF-8 text after line ${line}`);
    }
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    pending += text;
    let at: number;
    while ((at = pending.indexOf('\n')) >= 0) {
      line++;
      const raw = pending.slice(0, at).replace(/\r$/, '');
      pending = pending.slice(at + 1);
      yield checked(path, line, raw);
    }
    if (pending.length > MAX_LINE_CHARS)
      throw refuse(path, `line ${line + 1} is not a list line (over 64 KiB)`);
  }
  if (pending.length) yield checked(path, line + 1, pending.replace(/\r$/, ''));
}

function checked(path: string, line: number, text: string): TextLine {
  if (text.length > MAX_LINE_CHARS)
    throw refuse(path, `line ${line} is not a list line (over 64 KiB)`);
  if (text.includes('\0')) throw refuse(path, `line ${line} holds binary data`);
  return { line, text };
}

/** A JSON list, parsed whole: a BOM is dropped, a syntax error refuses the file. */
export async function readJson(path: string): Promise<unknown> {
  const bytes = await readFile(path);
  if (bytes.length > MAX_JSON_BYTES) throw refuse(path, 'JSON list larger than 512 MiB');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw refuse(path, 'not UTF-8 text');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw refuse(path, `not valid JSON (${(e as Error).message})`);
  }
}

/** The first bytes of a file, as text, for format detection. */
export async function head(path: string, bytes = 4096): Promise<string> {
  const stream = createReadStream(path, { start: 0, end: bytes - 1 });
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/** Splits one CSV line on `sep`, with RFC 4180 quotes; null when a quote is left open. */
export function splitCsv(text: string, sep = ','): string[] | null {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  out.push(field);
  return out.map((f) => f.trim());
}
