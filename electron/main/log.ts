// The main process's only logger. It prints ids, counts and a closed vocabulary, never free text:
// a filename, title, note, path or hash of evidence passed by mistake comes out as [redacted].
import { events, isChannelName } from '../../shared/contract/index.ts';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean>>;

const ID = /^[ci]_[a-z2-7]{16}$/;
const ERROR_CLASS = /^(?:[A-Z][A-Za-z]{0,40})?Error$/;
const EVENT = /^[a-z]+(?:[.-][a-z]+)*$/;
const VOCABULARY = new Set([
  'user',
  'idle',
  'system',
  'shutdown',
  'absent',
  'locked',
  'unlocked',
  'suspend',
  'lock-screen',
  'user-did-resign-active',
  'menu',
  // webRequest resource types
  'mainFrame',
  'subFrame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xhr',
  'ping',
  'cspReport',
  'media',
  'webSocket',
  'other',
]);

function isSafeWord(value: string): boolean {
  return (
    ID.test(value) ||
    ERROR_CLASS.test(value) ||
    VOCABULARY.has(value) ||
    isChannelName(value) ||
    Object.hasOwn(events, value)
  );
}

function render(value: string | number | boolean): string {
  if (typeof value === 'string') return isSafeWord(value) ? value : '[redacted]';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '[redacted]';
  return String(value);
}

/** One line: `custody <level> <event> key=value ...`; keys and the event name must be identifiers. */
export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}): string {
  const parts = ['custody', level, EVENT.test(event) ? event : '[redacted]'];
  for (const [key, value] of Object.entries(fields)) {
    if (/^[a-zA-Z]{1,32}$/.test(key)) parts.push(`${key}=${render(value)}`);
  }
  return parts.join(' ');
}

/** The class name of an error (e.g. TypeError), never its message, which may hold a path. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function write(level: LogLevel, event: string, fields?: LogFields): void {
  process.stderr.write(`${formatLogLine(level, event, fields)}\n`);
}

export const log = {
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
};
