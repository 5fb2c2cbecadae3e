// WhatsApp's "Export chat" text: one message per line, continuation lines for multi-line messages.
// iOS writes "[30/11/2026, 12:00:00] Name: text" and "<attached: 00000012-PHOTO-….jpg>"; Android
// writes "30/11/2026, 12:00 - Name: text" and "IMG-20261130-WA0001.jpg (file attached)". Dates
// follow the phone's locale (day or month first, 12- or 24-hour) and carry no time zone.
import { LOCAL_CLOCK } from './chat-thread.ts';
import type { ChatMessage, ChatThread } from './chat-thread.ts';

// Direction marks WhatsApp puts around names and times are dropped first.
const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const IOS_LINE =
  /^\[(\d{1,4})[./-](\d{1,2})[./-](\d{1,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\s?([AaPp]\.?[Mm]\.?)?\] ([^:]+?): ([\s\S]*)$/;
const ANDROID_LINE =
  /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?\s?([AaPp]\.?[Mm]\.?)? - (?:([^:]+?): )?([\s\S]*)$/;
const IOS_ATTACHMENT = /<attached: ([^>]+)>/g;
const ANDROID_ATTACHMENT =
  /^(.+?\.\w{2,5}) \((?:file attached|fichier joint|archivo adjunto|Datei angehängt)\)/;

interface RawMessage {
  date: [number, number, number];
  time: [number, number, number];
  meridiem: string | undefined;
  sender: string | null;
  lines: string[];
}

/** Whether text looks like a WhatsApp export: its first non-empty lines start as messages do. */
export function isWhatsAppExport(text: string): boolean {
  const first = text
    .replace(MARKS, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 5);
  return (
    first.length > 0 &&
    first.filter((l) => IOS_LINE.test(l) || ANDROID_LINE.test(l)).length >=
      Math.min(2, first.length)
  );
}

export function whatsappThread(text: string): ChatThread {
  const raw: RawMessage[] = [];
  for (const line of text
    .replace(/^\ufeff/, '')
    .replace(MARKS, '')
    .split(/\r?\n/)) {
    const m = IOS_LINE.exec(line) ?? ANDROID_LINE.exec(line);
    if (m) {
      raw.push({
        date: [Number(m[1]), Number(m[2]), Number(m[3])],
        time: [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)],
        meridiem: m[7],
        sender: m[8]?.trim() ?? null,
        lines: [m[9] ?? ''],
      });
    } else if (raw.length > 0) raw.at(-1)!.lines.push(line);
  }
  const order = dateOrder(raw);
  return {
    format: 'whatsapp',
    name: null,
    timeZone: LOCAL_CLOCK,
    messages: raw.map((r) => toMessage(r, order)),
    mime: 'text/plain',
  };
}

type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** Day or month first, from the values the export uses (a first field over 12 is a day). */
function dateOrder(raw: RawMessage[]): DateOrder {
  if (raw.some((r) => r.date[0] > 31)) return 'ymd';
  if (raw.some((r) => r.date[0] > 12)) return 'dmy';
  if (raw.some((r) => r.date[1] > 12)) return 'mdy';
  return 'dmy';
}

function toMessage(r: RawMessage, order: DateOrder): ChatMessage {
  const [a, b, c] = r.date;
  const [y, mo, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
  const year = y < 100 ? 2000 + y : y;
  let [h] = r.time;
  const [, mi, s] = r.time;
  if (r.meridiem) {
    const pm = /^p/i.test(r.meridiem);
    h = (h % 12) + (pm ? 12 : 0);
  }
  const t = Date.UTC(year, mo - 1, d, h, mi, s);
  const body = r.lines.join('\n');
  const attachments = [...body.matchAll(IOS_ATTACHMENT)].map((m) => m[1]!.trim());
  const android = ANDROID_ATTACHMENT.exec(body.trim());
  if (android) attachments.push(android[1]!);
  const text = body.replace(IOS_ATTACHMENT, '').replace(ANDROID_ATTACHMENT, '').trim();
  return {
    at: Number.isNaN(t) ? null : new Date(t).toISOString(),
    sender: r.sender,
    text,
    attachments,
  };
}
