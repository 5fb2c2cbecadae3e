// Chats exported by other tools, as JSON (an array of messages, or { messages: [...] }) or CSV
// (a header row): the columns are found by their usual names.
import { LOCAL_CLOCK } from './chat-thread.ts';
import type { ChatMessage, ChatThread } from './chat-thread.ts';

export const TIME_KEYS = [
  'timestamp',
  'time',
  'date',
  'datetime',
  'sent_at',
  'created_at',
  'sent',
  'created',
];
export const SENDER_KEYS = ['sender', 'from', 'author', 'user', 'username', 'name', 'sender_name'];
export const TEXT_KEYS = ['message', 'text', 'content', 'body', 'msg'];
const ATTACHMENT_KEYS = ['attachment', 'attachments', 'file', 'media', 'filename'];

type Row = Record<string, unknown>;

/** The messages of a generic JSON export, or null when it has no such shape. */
export function jsonRows(json: unknown): Row[] | null {
  const list = Array.isArray(json) ? json : (json as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(list) || list.length === 0) return null;
  const rows = list.filter((r): r is Row => !!r && typeof r === 'object' && !Array.isArray(r));
  return rows.length > 0 && rows.some((r) => pick(r, TEXT_KEYS) !== undefined) ? rows : null;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) as rows keyed by header. */
export function csvRows(text: string): Row[] | null {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\ufeff/, '');
  const delimiter =
    (src.split('\n')[0]?.split(';').length ?? 0) > (src.split('\n')[0]?.split(',').length ?? 0)
      ? ';'
      : ',';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...body] = records.filter((r) => r.some((f) => f.trim() !== ''));
  if (!header) return null;
  const keys = header.map((h) => h.trim().toLowerCase());
  if (!keys.some((k) => TEXT_KEYS.includes(k))) return null;
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}

export function genericThread(rows: Row[], format: 'json' | 'csv'): ChatThread {
  let zoned = true;
  const messages: ChatMessage[] = rows.map((row) => {
    const { at, hasZone } = timeOf(pick(row, TIME_KEYS));
    if (at && !hasZone) zoned = false;
    const sender = pick(row, SENDER_KEYS);
    const attachment = pick(row, ATTACHMENT_KEYS);
    return {
      at,
      sender: sender === undefined || sender === '' ? null : textOf(sender),
      text: textOf(pick(row, TEXT_KEYS) ?? ''),
      attachments: (Array.isArray(attachment) ? attachment : [attachment]).filter(
        (a): a is string => typeof a === 'string' && a !== '',
      ),
    };
  });
  return {
    format,
    name: null,
    timeZone: zoned ? 'UTC' : LOCAL_CLOCK,
    messages,
    mime: format === 'json' ? 'application/json' : 'text/csv',
  };
}

function pick(row: Row, keys: string[]): unknown {
  for (const [k, v] of Object.entries(row)) if (keys.includes(k.toLowerCase())) return v;
  return undefined;
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === null || v === undefined ? '' : JSON.stringify(v);
}

/** A time as ISO-8601 UTC, and whether the export stated its zone (Unix times and "Z"/offsets do). */
function timeOf(v: unknown): { at: string | null; hasZone: boolean } {
  if (typeof v === 'number' && Number.isFinite(v)) {
    // Seconds or milliseconds since 1970.
    return { at: new Date(v < 1e11 ? v * 1000 : v).toISOString(), hasZone: true };
  }
  if (typeof v !== 'string' || v.trim() === '') return { at: null, hasZone: true };
  const s = v.trim();
  if (/^\d{9,13}$/.test(s)) return timeOf(Number(s));
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const t = Date.parse(hasZone ? s : `${s.replace(' ', 'T')}Z`);
  return { at: Number.isNaN(t) ? null : new Date(t).toISOString(), hasZone };
}
