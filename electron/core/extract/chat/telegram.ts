// Telegram Desktop's JSON export (Settings › Advanced › Export chat history, format "JSON"):
// one chat ({ name, type, messages }) or a whole account ({ chats: { list: [...] } }). A message's
// `text` is a string or a list of strings and entities; `date_unixtime` gives the exact time
// (`date` is the exporting machine's clock, without a zone).
import { LOCAL_CLOCK } from './chat-thread.ts';
import type { ChatMessage, ChatThread } from './chat-thread.ts';

interface TelegramMessage {
  type?: unknown;
  date?: unknown;
  date_unixtime?: unknown;
  from?: unknown;
  actor?: unknown;
  action?: unknown;
  text?: unknown;
  photo?: unknown;
  file?: unknown;
  file_name?: unknown;
}
interface TelegramChat {
  name?: unknown;
  messages?: unknown;
}

/** Whether parsed JSON has Telegram's shape: messages with `type` and `date`. */
export function isTelegramExport(json: unknown): boolean {
  return chatsOf(json).some((c) =>
    (c.messages as TelegramMessage[]).some((m) => typeof m.type === 'string' && 'date' in m),
  );
}

function chatsOf(json: unknown): TelegramChat[] {
  const root = json as { messages?: unknown; chats?: { list?: unknown } } | null;
  if (!root || typeof root !== 'object') return [];
  if (Array.isArray(root.messages)) return [root];
  const list = root.chats?.list;
  return Array.isArray(list)
    ? (list as TelegramChat[]).filter((c) => c && Array.isArray(c.messages))
    : [];
}

export function telegramThread(json: unknown): ChatThread {
  const chats = chatsOf(json);
  const several = chats.length > 1;
  const messages: ChatMessage[] = [];
  for (const chat of chats) {
    for (const m of chat.messages as TelegramMessage[]) {
      const message = readMessage(m);
      // A whole-account export names each message's chat, so the thread says where it was said.
      if (several && typeof chat.name === 'string') message.text = `(${chat.name}) ${message.text}`;
      messages.push(message);
    }
  }
  const exact = chats.every((c) =>
    (c.messages as TelegramMessage[]).every((m) => Number(m.date_unixtime) > 0),
  );
  return {
    format: 'telegram',
    name: !several && typeof chats[0]?.name === 'string' ? chats[0].name : null,
    timeZone: exact ? 'UTC' : LOCAL_CLOCK,
    messages,
    mime: 'application/json',
  };
}

function readMessage(m: TelegramMessage): ChatMessage {
  const sender = typeof m.from === 'string' ? m.from : typeof m.actor === 'string' ? m.actor : null;
  const attachments = [m.photo, m.file]
    .filter((a): a is string => typeof a === 'string' && a !== '')
    .map((a) =>
      a.startsWith('(File not included') && typeof m.file_name === 'string' ? m.file_name : a,
    );
  let text = flatten(m.text);
  if (m.type === 'service' && typeof m.action === 'string') text = `[${m.action}] ${text}`.trim();
  return { at: timeOf(m), sender, text, attachments };
}

/** Telegram's rich text: a string, or a list of strings and { type, text } entities. */
function flatten(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text
    .map((part) =>
      typeof part === 'string'
        ? part
        : typeof (part as { text?: unknown })?.text === 'string'
          ? (part as { text: string }).text
          : '',
    )
    .join('');
}

function timeOf(m: TelegramMessage): string | null {
  const unix = Number(m.date_unixtime);
  if (Number.isFinite(unix) && unix > 0) return new Date(unix * 1000).toISOString();
  // Without date_unixtime (exports before 2021), `date` is local time: kept as written.
  return typeof m.date === 'string' && !Number.isNaN(Date.parse(`${m.date}Z`))
    ? new Date(`${m.date}Z`).toISOString()
    : null;
}
