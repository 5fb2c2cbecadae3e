// Chat exports (kind 'chat'): Telegram Desktop's result.json, WhatsApp's text export alone or in
// the ZIP WhatsApp makes with its media, and generic JSON or CSV. Each is read into one thread;
// the media inside a WhatsApp ZIP become children, linked from the lines that send them.
import { ChildBudget } from '../child-budget.ts';
import type { ExtractLimits, ExtractResult, Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { readZipMembers } from '../zip-members.ts';
import { chatExportFormat } from './chat-sniff.ts';
import { threadResult } from './chat-thread.ts';
import { csvRows, genericThread, jsonRows } from './generic-chat.ts';
import { telegramThread } from './telegram.ts';
import { extractText } from '../text/text.extractor.ts';
import { isWhatsAppExport, whatsappThread } from './whatsapp.ts';

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

export const extractChat: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  const format = chatExportFormat(bytes);
  switch (format) {
    case 'whatsapp-zip':
      return whatsappZip(bytes, limits);
    case 'telegram':
      return threadResult(telegramThread(JSON.parse(utf8(bytes))), limits);
    case 'whatsapp':
      return threadResult(whatsappThread(utf8(bytes)), limits);
    case 'json':
      return threadResult(genericThread(jsonRows(JSON.parse(utf8(bytes)))!, 'json'), limits);
    case 'csv':
      return threadResult(genericThread(csvRows(utf8(bytes))!, 'csv'), limits);
    default:
      // Sniffing judged by the head; a file whose whole is no chat (JSON cut short, a table that
      // only began like one) is still read, as the plain text it is.
      return extractText(source, limits);
  }
};

async function whatsappZip(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractResult> {
  const zip = await readZipMembers(bytes, limits);
  const chat = zip.members.find(
    (m) => m.name.toLowerCase().endsWith('.txt') && isWhatsAppExport(utf8(m.bytes)),
  )!;
  const result = threadResult(whatsappThread(utf8(chat.bytes)), limits, () => null);
  const budget = new ChildBudget(result.children, limits);
  const stored = new Map<string, string>();
  for (const m of zip.members) {
    if (m === chat) continue;
    const path = budget.add(m.name, m.bytes, m.modifiedAt);
    if (path) stored.set(baseName(m.name), path);
  }
  const attachments = result.facts['attachments'] as
    { name: string; path: string | null }[] | undefined;
  for (const a of attachments ?? []) a.path = stored.get(baseName(a.name)) ?? null;
  result.mime = 'application/zip';
  result.facts['chatFile'] = chat.name;
  const problems = [
    result.damaged,
    budget.note(),
    zip.skipped.length > 0
      ? `${zip.skipped.length} archive members left out (${zip.skipped[0]!.reason})`
      : null,
  ].filter((p): p is string => !!p);
  result.damaged = problems.length > 0 ? problems.join('; ') : null;
  return result;
}

const baseName = (name: string) => name.split(/[\\/]/).pop()!.toLowerCase();
