import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CHAT_TIMES,
  PHOTO,
  TELEGRAM_LINES,
  WHATSAPP_LINES,
  genericCsv,
  genericJson,
  telegramJson,
  whatsappAndroidText,
  whatsappText,
  whatsappZip,
} from '../../../../tests/fixtures/written/make-chat.ts';
import { SENTENCE_BY_LANGUAGE } from '../../../../tests/fixtures/written/sentences.ts';
import { DEFAULT_LIMITS } from '../extract-result.ts';
import { chatExportFormat } from './chat-sniff.ts';
import { LOCAL_CLOCK } from './chat-thread.ts';
import { extractChat } from './chat.extractor.ts';

const read = (bytes: Buffer) => extractChat({ bytes, name: 'chat' }, DEFAULT_LIMITS);

describe('extractChat', () => {
  it('reads a Telegram export as a thread, each message an event at its line, in UTC', async () => {
    const bytes = telegramJson();
    expect(chatExportFormat(bytes)).toBe('telegram');
    const result = await read(bytes);
    expect(result.kind).toBe('chat');
    expect(result.text?.split('\n')).toEqual(TELEGRAM_LINES);
    expect(result.events.slice(0, 4)).toEqual([
      { at: CHAT_TIMES[0], who: 'Ivan', text: SENTENCE_BY_LANGUAGE.ru, line: 1 },
      { at: CHAT_TIMES[1], who: 'Karim', text: SENTENCE_BY_LANGUAGE.ar, line: 2 },
      { at: CHAT_TIMES[2], who: 'Dara', text: SENTENCE_BY_LANGUAGE.fa, line: 3 },
      { at: CHAT_TIMES[3], who: 'Ivan', text: SENTENCE_BY_LANGUAGE.en, line: 4 },
    ]);
    expect(result.eventAt).toBe(CHAT_TIMES[0]);
    expect(result.facts).toMatchObject({
      format: 'telegram',
      chatName: 'Threat group',
      messages: 5,
      participants: ['Ivan', 'Karim', 'Dara'],
      timeZone: 'UTC',
    });
  });

  it('reads a WhatsApp iOS export: marks dropped, continuation lines joined, no zone claimed', async () => {
    const bytes = whatsappText();
    expect(chatExportFormat(bytes)).toBe('whatsapp');
    const result = await read(bytes);
    expect(result.text?.split('\n')).toEqual(WHATSAPP_LINES);
    expect(result.events.map((e) => [e.who, e.line])).toEqual([
      ['Ivan', 1],
      ['Karim', 2],
      ['Dara', 3],
      ['Ivan', 4],
    ]);
    expect(result.facts['timeZone']).toBe(LOCAL_CLOCK);
    expect(result.facts['attachments']).toEqual([{ line: 4, name: PHOTO, path: null }]);
  });

  it('reads the WhatsApp ZIP: the photo is a child, linked from the line that sends it', async () => {
    const bytes = await whatsappZip();
    expect(chatExportFormat(bytes)).toBe('whatsapp-zip');
    const result = await read(bytes);
    expect(result.text?.split('\n')).toEqual(WHATSAPP_LINES);
    expect(result.children.map((c) => c.path)).toEqual([PHOTO]);
    expect((await sharp(Buffer.from(result.children[0]!.bytes)).metadata()).format).toBe('jpeg');
    expect(result.facts['attachments']).toEqual([{ line: 4, name: PHOTO, path: PHOTO }]);
    expect(result.facts['chatFile']).toBe('_chat.txt');
  });

  it('reads an Android export with a 12-hour clock, month first, and a system line', async () => {
    const result = await read(whatsappAndroidText());
    expect(result.text?.split('\n')).toEqual([
      '[2026-11-30 12:00:00] ?: Messages and calls are end-to-end encrypted.',
      `[2026-11-30 12:01:00] Ivan: ${SENTENCE_BY_LANGUAGE.en}`,
      '[2026-11-30 13:02:00] Ivan: <IMG-20261130-WA0001.jpg>',
    ]);
  });

  it('reads generic JSON and CSV chats', async () => {
    const json = await read(genericJson());
    expect(json.text?.split('\n')).toEqual([
      `[2026-11-30 12:00:00] Ivan: ${SENTENCE_BY_LANGUAGE.ru}`,
      `[2026-11-30 12:01:00] Karim: ${SENTENCE_BY_LANGUAGE.ar}`,
    ]);
    const csv = await read(genericCsv());
    expect(csv.facts['format']).toBe('csv');
    expect(csv.text?.split('\n')).toEqual([
      `[2026-11-30 12:00:00] Ivan: ${SENTENCE_BY_LANGUAGE.ru}`,
      `[2026-11-30 12:01:00] Dara: ${SENTENCE_BY_LANGUAGE.fa}, "quoted"`,
    ]);
  });

  it('reads what only began like a chat as the plain text it is', async () => {
    expect(chatExportFormat(Buffer.from('{"not":"a chat"}'))).toBeNull();
    const cut = Buffer.from(`[{"sender": "Ivan", "message": "${SENTENCE_BY_LANGUAGE.ru}"`);
    expect(chatExportFormat(cut)).toBeNull();
    const result = await read(cut);
    expect(result.kind).toBe('text');
    expect(result.text).toBe(cut.toString('utf8'));
  });
});
