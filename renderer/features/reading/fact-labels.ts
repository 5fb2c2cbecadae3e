// The words for the facts an extractor reads beside the text (electron/core/extract/*), and how
// each value reads: counts as numbers, sizes in bytes, times as evidence dates, languages by name,
// lists as lists. A key no extractor is known to give is shown as it came.
import { defineMessages, type MessageDescriptor } from 'react-intl';

export type FactFormat =
  | 'text'
  | 'number'
  | 'bytes'
  | 'date'
  | 'yesNo'
  | 'language'
  | 'list'
  | 'count'
  | 'headers'
  | 'ltr';

interface FactLabel {
  label: MessageDescriptor;
  format: FactFormat;
}

const labels = defineMessages({
  lines: { id: 'fact.lines', defaultMessage: 'Lines' },
  headers: { id: 'fact.headers', defaultMessage: 'Headers' },
  attachments: { id: 'fact.attachments', defaultMessage: 'Attachments' },
  messages: { id: 'fact.messages', defaultMessage: 'Messages' },
  format: { id: 'fact.format', defaultMessage: 'Format' },
  chatName: { id: 'fact.chatName', defaultMessage: 'Chat name' },
  chatFile: { id: 'fact.chatFile', defaultMessage: 'Chat file' },
  participants: { id: 'fact.participants', defaultMessage: 'Participants' },
  timeZone: { id: 'fact.timeZone', defaultMessage: 'Time zone of the export' },
  firstMessageAt: { id: 'fact.firstMessageAt', defaultMessage: 'First message' },
  lastMessageAt: { id: 'fact.lastMessageAt', defaultMessage: 'Last message' },
  url: { id: 'fact.url', defaultMessage: 'Page address' },
  title: { id: 'fact.title', defaultMessage: 'Title' },
  lang: { id: 'fact.lang', defaultMessage: 'Language the page declares' },
  capturedAt: { id: 'fact.capturedAt', defaultMessage: 'Captured' },
  pages: { id: 'fact.pages', defaultMessage: 'Pages' },
  records: { id: 'fact.records', defaultMessage: 'Archive records' },
  archivedPages: { id: 'fact.archivedPages', defaultMessage: 'Archived pages' },
  software: { id: 'fact.software', defaultMessage: 'Made by' },
  members: { id: 'fact.members', defaultMessage: 'Files in the archive' },
  encryptedMembers: { id: 'fact.encryptedMembers', defaultMessage: 'Encrypted files' },
  unpackedBytes: { id: 'fact.unpackedBytes', defaultMessage: 'Unpacked size' },
  unpacked: { id: 'fact.unpacked', defaultMessage: 'Unpacked' },
  reason: { id: 'fact.reason', defaultMessage: 'Why' },
  author: { id: 'fact.author', defaultMessage: 'Author' },
  subject: { id: 'fact.subject', defaultMessage: 'Subject' },
  keywords: { id: 'fact.keywords', defaultMessage: 'Keywords' },
  creator: { id: 'fact.creator', defaultMessage: 'Created with' },
  producer: { id: 'fact.producer', defaultMessage: 'Produced by' },
  createdAt: { id: 'fact.createdAt', defaultMessage: 'Created' },
  modifiedAt: { id: 'fact.modifiedAt', defaultMessage: 'Modified' },
  pdfVersion: { id: 'fact.pdfVersion', defaultMessage: 'PDF version' },
  language: { id: 'fact.language', defaultMessage: 'Language the document declares' },
  hasForm: { id: 'fact.hasForm', defaultMessage: 'Has a form (never run)' },
  hasScripts: { id: 'fact.hasScripts', defaultMessage: 'Has scripts (never run)' },
  hasMacros: { id: 'fact.hasMacros', defaultMessage: 'Has macros (never run)' },
  renderedPages: { id: 'fact.renderedPages', defaultMessage: 'Pages rendered as images' },
});

const formats: Partial<Record<keyof typeof labels, FactFormat>> = {
  lines: 'number',
  headers: 'headers',
  attachments: 'count',
  messages: 'number',
  participants: 'list',
  timeZone: 'ltr',
  firstMessageAt: 'date',
  lastMessageAt: 'date',
  url: 'ltr',
  lang: 'language',
  capturedAt: 'date',
  pages: 'count',
  records: 'number',
  archivedPages: 'number',
  members: 'number',
  encryptedMembers: 'number',
  unpackedBytes: 'bytes',
  unpacked: 'yesNo',
  createdAt: 'date',
  modifiedAt: 'date',
  language: 'language',
  hasForm: 'yesNo',
  hasScripts: 'yesNo',
  hasMacros: 'yesNo',
  renderedPages: 'number',
};

/**
 * Facts the side panel does not list: the encoding has its own row, page starts are for the
 * view, media facts belong to the player.
 */
export const HIDDEN_FACTS: ReadonlySet<string> = new Set(['encoding', 'pageLines', 'media']);

export function factLabel(key: string): FactLabel | null {
  const label = (labels as Partial<Record<string, MessageDescriptor>>)[key];
  if (!label) return null;
  return { label, format: (formats as Partial<Record<string, FactFormat>>)[key] ?? 'text' };
}
