// Every chat export becomes the same thread: one line per message ("[time] sender: message"), so a
// line number names a message; each message also an event (the timeline lists them), and each
// attachment named with the line that sends it, so the view can link that line to its child item.
import { emptyResult } from '../extract-result.ts';
import type { ExtractLimits, ExtractResult } from '../extract-result.ts';

export interface ChatMessage {
  /** ISO-8601; UTC, or the export's own clock when it states no zone (see ChatThread.timeZone). */
  at: string | null;
  sender: string | null;
  text: string;
  /** File names the message sends, as the export writes them. */
  attachments: string[];
}

export interface ChatThread {
  format: 'telegram' | 'whatsapp' | 'json' | 'csv';
  /** The chat's own name (Telegram), or null. */
  name: string | null;
  /** 'UTC' when the export gives exact times; otherwise what the reviewer must know. */
  timeZone: string;
  messages: ChatMessage[];
  mime: string;
}

/** What an export without a time zone is told as: its times are the exporting device's clock. */
export const LOCAL_CLOCK = 'local time of the exporting device (the export states no zone)';

/** Summaries on the timeline stop here; the text layer keeps the whole message. */
const SUMMARY_CHARS = 200;

export function threadResult(
  thread: ChatThread,
  limits: ExtractLimits,
  childPathOf: (attachment: string) => string | null = () => null,
): ExtractResult {
  const result = emptyResult('chat');
  result.mime = thread.mime;
  result.encoding = 'UTF-8';
  const lines: string[] = [];
  const attachments: { line: number; name: string; path: string | null }[] = [];
  const senders = new Set<string>();
  for (const message of thread.messages) {
    const line = lines.length + 1;
    const body = message.text.replace(/\r?\n/g, ' ⏎ ');
    const sent = message.attachments.map((a) => `<${a}>`).join(' ');
    const time = message.at ? message.at.replace('T', ' ').replace(/(\.000)?Z$/, '') : '?';
    lines.push(`[${time}] ${message.sender ?? '?'}: ${[body, sent].filter(Boolean).join(' ')}`);
    if (message.sender) senders.add(message.sender);
    for (const name of message.attachments) {
      attachments.push({ line, name, path: childPathOf(name) });
    }
    if (message.at) {
      result.events.push({
        at: message.at,
        who: message.sender,
        text: (body || sent).slice(0, SUMMARY_CHARS),
        line,
      });
    }
  }
  const text = lines.join('\n');
  result.text = text.slice(0, limits.maxTextChars);
  result.eventAt = result.events[0]?.at ?? null;
  result.facts = {
    format: thread.format,
    ...(thread.name ? { chatName: thread.name } : {}),
    messages: thread.messages.length,
    participants: [...senders],
    timeZone: thread.timeZone,
    ...(result.events.length > 0
      ? { firstMessageAt: result.events[0]!.at, lastMessageAt: result.events.at(-1)!.at }
      : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
  if (text.length > limits.maxTextChars) result.damaged = 'text cut at the size limit';
  return result;
}
