// The CLI's human output speaks the reviewer's language, from the same catalogs as the app
// (shared/i18n): `--lang`, else the language last chosen for the vault, else the locale
// environment, else English. `--json` never changes with it. Numbers stay in Latin digits so
// columns read the same in every language; in Arabic and Farsi every value is isolated (U+2066
// LRI for hashes, ids and paths, U+2068 FSI for user text, both closed by U+2069 PDI) so a
// terminal's bidi keeps it whole and in its own direction inside the sentence.
import {
  IntlErrorCode,
  createIntl,
  createIntlCache,
  type IntlShape,
  type MessageDescriptor,
} from '@formatjs/intl';
import type { LanguageChoice } from '../../shared/domain/settings.ts';
import { catalogs } from '../../shared/i18n/catalogs.ts';
import {
  directionOf,
  interfaceLanguages,
  isInterfaceLanguage,
  matchLanguage,
  type InterfaceLanguage,
} from '../../shared/i18n/languages.ts';
import { escapeUnsafe } from '../../shared/domain/unsafe-text.ts';
import { UsageError } from './exit.ts';
import { Human, humanOutput, oneLine } from './safe-output.ts';
import {
  errorText,
  ltrParams,
  selectParams,
  type RenderableError,
} from '../../shared/i18n/error-messages.ts';
import { problemText, type RenderableProblem } from '../../shared/i18n/packet-problems.ts';
import type { ErrorParams } from '../../shared/domain/error-codes.ts';

/** A value always shown left to right: a hash, id, path, command or ISO date. */
export class Ltr {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}
export const ltr = (value: unknown): Ltr => new Ltr(String(value));

/** A select's key ('closed', 'yes'): matched by the message, never shown, so never escaped. */
export class Key {
  readonly key: string;
  constructor(key: string) {
    this.key = key;
  }
}
export const key = (k: string | boolean): Key =>
  new Key(k === true ? 'yes' : k === false ? 'no' : k);

export type CliValue = string | number | Ltr | Human | Key;

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

/** The language from the environment, as POSIX orders it: LC_ALL, LC_MESSAGES, LANG. */
export function environmentLanguage(env: NodeJS.ProcessEnv): InterfaceLanguage {
  const tag = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v);
  return tag ? matchLanguage([tag]) : 'en';
}

/** An unknown `--lang` is unusable input (exit 2), named with the languages there are. */
export function cliLanguage(
  flag: string | undefined,
  vaultChoice: LanguageChoice | null,
  env: NodeJS.ProcessEnv,
): InterfaceLanguage {
  if (flag !== undefined) {
    if (isInterfaceLanguage(flag)) return flag;
    throw new UsageError(
      `Unknown language ${JSON.stringify(flag)} for --lang: use one of ${interfaceLanguages.join(', ')}.`,
    );
  }
  if (vaultChoice && vaultChoice !== 'system') return vaultChoice;
  return environmentLanguage(env);
}

const cache = createIntlCache();

export class CliText {
  readonly language: InterfaceLanguage;
  readonly #intl: IntlShape;
  readonly #rtl: boolean;

  constructor(language: InterfaceLanguage) {
    this.language = language;
    this.#rtl = directionOf(language) === 'rtl';
    this.#intl = createIntl(
      {
        locale: `${language}-u-nu-latn`,
        defaultLocale: 'en',
        messages: catalogs[language],
        // English is the code's own text; a missing translation falls back to it, and
        // tests/unit/catalogs.test.ts fails the build before that can ship.
        onError: (e) => {
          if (e.code !== IntlErrorCode.MISSING_TRANSLATION)
            process.stderr.write(`custody: ${e.message}\n`);
        },
      },
      cache,
    );
  }

  /** One message, each string value escaped (names come from evidence) and, in RTL, isolated. */
  t(descriptor: MessageDescriptor, values: Record<string, CliValue> = {}): Human {
    const safe: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(values)) safe[name] = this.#value(value);
    return new Human(this.#intl.formatMessage(descriptor, safe));
  }

  /**
   * A usage error: the command's own message (English: it names options and values as typed), and
   * its usage line under "Usage:", which is command syntax and stays as it is.
   */
  usage(message: string, usage: string | undefined): Human {
    const lines = message ? [humanOutput(message)] : [];
    if (usage) {
      const line = this.t(
        { id: 'cli.usage', defaultMessage: 'Usage: {usage}' },
        { usage: ltr(usage) },
      );
      lines.push(line.text);
    }
    return new Human(lines.join('\n'));
  }

  /** An error in this language (English: the core's message), escaped to one line. */
  error(e: RenderableError): Human {
    if (this.language === 'en') return new Human(oneLine(e.message));
    const text = errorText(this.language, (d, params) => this.#catalogText(d, params), e);
    return new Human(text.replace(/\n/g, ' '));
  }

  /** A packet check's problem in this language (English: the verifier's words), one line. */
  problem(p: RenderableProblem): Human {
    if (this.language === 'en') return new Human(oneLine(p.message));
    const text = problemText(this.language, (d, params) => this.#catalogText(d, params), p);
    return new Human(text.replace(/\n/g, ' '));
  }

  /** A catalog sentence from an error's params: ids and paths isolated, select keys matched. */
  #catalogText(descriptor: MessageDescriptor, params: ErrorParams): string {
    const values: Record<string, CliValue> = {};
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'number') values[name] = value;
      else if (selectParams.has(name)) values[name] = key(escapeUnsafe(value, 'terminal'));
      else if (ltrParams.has(name)) values[name] = ltr(value);
      else values[name] = value;
    }
    return this.t(descriptor, values).text;
  }

  /** A list in the language's own words ("a, b and c"), each part escaped. */
  list(values: readonly CliValue[]): Human {
    return new Human(this.#intl.formatList(values.map((v) => String(this.#value(v)))));
  }

  /** Values joined by a separator of the command's own (" | " between references). */
  join(values: readonly CliValue[], separator: string): Human {
    return new Human(values.map((v) => this.#value(v)).join(separator));
  }

  #value(value: CliValue): string | number {
    if (typeof value === 'number') return value;
    if (value instanceof Human) return value.text;
    if (value instanceof Key) return value.key;
    if (value instanceof Ltr) {
      const text = escapeUnsafe(value.text, 'terminal');
      return this.#rtl ? `${LRI}${text}${PDI}` : text;
    }
    const text = escapeUnsafe(value, 'terminal');
    return this.#rtl ? `${FSI}${text}${PDI}` : text;
  }
}
