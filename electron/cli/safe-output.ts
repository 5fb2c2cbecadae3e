// Everything the CLI prints passes here: names, titles, notes, tags and EXIF fields come from
// evidence or from whoever filed it, and must not steer the terminal or forge output lines.
import { escapeUnsafe } from '../../shared/domain/unsafe-text.ts';

/**
 * A template for one line of human output: each interpolated value is escaped whole (a newline in
 * a file name shows as `\n` instead of starting a line that looks like ours); the literal parts
 * are the command's own text.
 */
export function safe(literals: TemplateStringsArray, ...values: unknown[]): string {
  return literals.reduce(
    (out, literal, i) =>
      out + (i > 0 ? escapeUnsafe(String(values[i - 1]), 'terminal') : '') + literal,
    '',
  );
}

/** Human text at the point of writing: the command's own line breaks kept, nothing else obeyed. */
export const humanOutput = (text: string): string =>
  text
    .split('\n')
    .map((line) => escapeUnsafe(line, 'terminal'))
    .join('\n');

/** One line from a value that must stay one line (an error message, a progress line). */
export const oneLine = (text: string): string => escapeUnsafe(text, 'terminal');

/** The --json document: exact strings for parsers, inert bytes for the terminal showing them. */
export const jsonOutput = (doc: unknown): string =>
  escapeUnsafe(JSON.stringify(doc, null, 2), 'json');

/**
 * Human text that is already safe to write: every value in it was escaped where it was put in
 * (cli-intl.ts), so the isolates the CLI adds around hashes and user text in Arabic and Farsi
 * survive, where `humanOutput` would show them as escapes.
 */
export class Human {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  static lines(...lines: (Human | undefined | false)[]): Human {
    return new Human(
      lines
        .filter((l): l is Human => l instanceof Human)
        .map((l) => l.text)
        .join('\n'),
    );
  }
}

/** What a command prints: a plain string is escaped whole; a Human was escaped value by value. */
export const writeHuman = (text: string | Human): string =>
  text instanceof Human ? text.text : humanOutput(text);
