// Text from evidence (file names, EXIF fields, titles, notes, tags) is hostile: a name can carry an
// ANSI escape that recolours or retitles a terminal, a newline that forges an output line, or a
// right-to-left override that shows `gnp.exe` as `exe.png`. These characters are split out so each
// surface shows them visibly instead of obeying them.
//
// Unsafe: every C0 control (U+0000–U+001F, TAB included: a tab in a name shifts aligned columns
// and cannot be told from spaces), DEL and the C1 controls (U+007F–U+009F; U+009B is a one-byte
// CSI for some terminals), the bidi marks and controls (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069) and the Unicode line and paragraph separators (U+2028, U+2029), which break lines
// as LF does wherever Unicode line breaking applies.

// One list; C0 kept apart because JSON.stringify already escapes it.
const C0 = String.raw`\u0000-\u001f`;
const BEYOND_C0 = String.raw`\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
const UNSAFE = new RegExp(`[${C0}${BEYOND_C0}]`, 'u');
const UNSAFE_ALL = new RegExp(`[${C0}${BEYOND_C0}]`, 'gu');
const UNSAFE_BEYOND_C0 = new RegExp(`[${BEYOND_C0}]`, 'gu');

export interface TextSpan {
  text: string;
  unsafe: boolean;
}

export const isUnsafeChar = (ch: string): boolean => UNSAFE.test(ch);

/** `text` cut into runs of safe and unsafe characters, in order; joined they give `text` back. */
export function unsafeSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const ch of text) {
    const unsafe = isUnsafeChar(ch);
    const last = spans.at(-1);
    if (last && last.unsafe === unsafe) last.text += ch;
    else spans.push({ text: ch, unsafe });
  }
  return spans;
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (ch: string, width: number): string =>
  (ch.codePointAt(0) ?? 0).toString(16).padStart(width, '0');

function terminalEscape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x100 ? `\\x${hex(ch, 2)}` : `\\u{${hex(ch, 4).toUpperCase()}}`;
}

/**
 * `terminal`: every unsafe character becomes a visible escape (`\x1b`, `\n`, `\u{202E}`), so the
 * result prints as one inert line. Backslashes are left alone: this form is for reading; the exact
 * text is in `--json`.
 *
 * `json`: for text already serialised by JSON.stringify, which escapes C0 itself (and whose own
 * newlines are the document's layout). Every other unsafe character becomes a JSON escape
 * (`\u202e`), so a consumer's terminal shows the document inertly and JSON.parse still returns
 * the exact original strings.
 */
export function escapeUnsafe(text: string, mode: 'terminal' | 'json'): string {
  return mode === 'terminal'
    ? text.replace(UNSAFE_ALL, terminalEscape)
    : text.replace(UNSAFE_BEYOND_C0, (ch) => `\\u${hex(ch, 4)}`);
}
