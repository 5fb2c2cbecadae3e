// Which chat export a file is, from its content: for ingest's sniffing (to give it kind 'chat')
// and for the extractor (to pick the reader). JSON and CSV are chats only when they have a chat's
// shape (messages with a text column); anything else stays what sniffing made it.
import { csvRows, jsonRows } from './generic-chat.ts';
import { isTelegramExport } from './telegram.ts';
import { isWhatsAppExport } from './whatsapp.ts';

export type ChatExportFormat = 'telegram' | 'whatsapp' | 'whatsapp-zip' | 'json' | 'csv';

/** Chat files are text: past this size, a ZIP's directory alone is looked at. */
const MAX_SNIFF_TEXT = 64 * 1024 * 1024;

export function chatExportFormat(bytes: Uint8Array): ChatExportFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return whatsappZipByNames(bytes) ? 'whatsapp-zip' : null;
  if (bytes.length > MAX_SNIFF_TEXT) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const start = text.replace(/^\ufeff/, '').trimStart();
  // WhatsApp's iOS lines start with '[' too: only text that parses as JSON is taken for JSON.
  const json = parseJson(start);
  if (json !== undefined) {
    if (isTelegramExport(json)) return 'telegram';
    return jsonRows(json) ? 'json' : null;
  }
  if (isWhatsAppExport(start)) return 'whatsapp';
  return csvRows(start.slice(0, 1 << 20)) ? 'csv' : null;
}

/** WhatsApp's ZIP holds "_chat.txt" (iOS) or "WhatsApp Chat with ….txt" (Android). */
function whatsappZipByNames(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - (1 << 20)))).toString('utf8');
  return (
    // Names sit between binary header fields: "_chat.txt" starts a name or follows a folder.
    /(?:^|[^\w.-])_chat\.txt/.test(tail) ||
    /WhatsApp Chat (?:with|mit|avec|con) .*?\.txt/.test(tail)
  );
}

function parseJson(text: string): unknown {
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
