// Written evidence that a file's generic type hides: an MHTML capture looks like an e-mail, a
// WARC is unknown to file-type, a WACZ or a WhatsApp export is "just a ZIP", a Telegram export or a
// WhatsApp text "just text". Sniffing asks here first, from the file's head alone.
import type { Sniffed } from '../media/sniff.ts';
import { SENDER_KEYS, TEXT_KEYS, TIME_KEYS } from './chat/generic-chat.ts';
import { isWhatsAppExport } from './chat/whatsapp.ts';
import { webCaptureFormat } from './web/web-sniff.ts';

const MHTML: Sniffed = { mime: 'multipart/related', ext: 'mhtml', kind: 'web' };
const WARC: Sniffed = { mime: 'application/warc', ext: 'warc', kind: 'web' };
const WACZ: Sniffed = { mime: 'application/wacz', ext: 'wacz', kind: 'web' };
const CHAT_ZIP: Sniffed = { mime: 'application/zip', ext: 'zip', kind: 'chat' };
const TELEGRAM: Sniffed = { mime: 'application/json', ext: 'json', kind: 'chat' };
const WHATSAPP: Sniffed = { mime: 'text/plain', ext: 'txt', kind: 'chat' };
const GENERIC_JSON: Sniffed = { mime: 'application/json', ext: 'json', kind: 'chat' };
const GENERIC_CSV: Sniffed = { mime: 'text/csv', ext: 'csv', kind: 'chat' };

/** A web capture or a chat ZIP, from the head's bytes; null for anything else. */
export function sniffWrittenBytes(head: Uint8Array): Sniffed | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const first = firstZipName(head);
    if (first === null) return null;
    if (/^archive\/[^/]+\.warc(\.gz)?$/.test(first)) return WACZ;
    if (/(^|\/)_chat\.txt$/.test(first) || /^WhatsApp Chat .+\.txt$/.test(first)) return CHAT_ZIP;
    return null;
  }
  const format = webCaptureFormat(head);
  return format === 'warc' ? WARC : format === 'mhtml' ? MHTML : null;
}

/** A chat export, from the head's text: Telegram's JSON, WhatsApp's lines, another tool's JSON or CSV. */
export function sniffChatText(text: string): Sniffed | null {
  const lead = text.replace(/^\ufeff/, '').trimStart();
  if (lead.startsWith('{') && isTelegramHead(lead)) return TELEGRAM;
  if (isWhatsAppExport(lead.slice(0, 4096))) return WHATSAPP;
  return genericChatHead(lead.slice(0, 4096));
}

/**
 * Another tool's export: JSON messages (an array, or under "messages") or a CSV header, whose first
 * row has a message column beside a sender or a time column. A table with a "text" column alone is
 * not a chat.
 */
function genericChatHead(head: string): Sniffed | null {
  const firstRow = head.startsWith('[')
    ? /^\[\s*\{([^{}]*)/.exec(head)
    : head.startsWith('{')
      ? /"messages"\s*:\s*\[\s*\{([^{}]*)/.exec(head)
      : null;
  if (firstRow) {
    const keys = Array.from(firstRow[1]!.matchAll(/"([^"\\]{1,64})"\s*:/g), (m) => m[1]!);
    return hasChatColumns(keys) ? GENERIC_JSON : null;
  }
  if (head.startsWith('[') || head.startsWith('{')) return null;
  const header = head.split(/\r?\n/, 1)[0]!;
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  const names = header.split(delimiter).map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
  return names.length >= 2 && hasChatColumns(names) ? GENERIC_CSV : null;
}

function hasChatColumns(names: string[]): boolean {
  const lower = names.map((n) => n.toLowerCase());
  return (
    lower.some((n) => TEXT_KEYS.includes(n)) &&
    lower.some((n) => SENDER_KEYS.includes(n) || TIME_KEYS.includes(n))
  );
}

/** Telegram Desktop writes "name", "type", "id", then "messages" of typed, dated entries. */
function isTelegramHead(lead: string): boolean {
  const head = lead.slice(0, 4096);
  return (
    /"messages"\s*:\s*\[/.test(head) &&
    /"type"\s*:\s*"(message|service)"/.test(head) &&
    /"date(_unixtime)?"\s*:/.test(head)
  );
}

/** The name of a ZIP's first member, from its local header (APPNOTE 4.3.7). */
function firstZipName(head: Uint8Array): string | null {
  if (head.length < 30) return null;
  const view = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const length = view.readUInt16LE(26);
  if (30 + length > view.length) return null;
  return view.subarray(30, 30 + length).toString('utf8');
}
