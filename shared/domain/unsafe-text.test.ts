import { describe, it, expect } from 'vitest';
import { escapeUnsafe, isUnsafeChar, unsafeSpans } from './unsafe-text.ts';

const ESC = '\u001b';
const RLO = '\u202e';

describe('unsafeSpans', () => {
  it('cuts a name into safe and unsafe runs that join back to the name', () => {
    const name = `invoice${RLO}gnp.exe`;
    expect(unsafeSpans(name)).toEqual([
      { text: 'invoice', unsafe: false },
      { text: RLO, unsafe: true },
      { text: 'gnp.exe', unsafe: false },
    ]);
    const colour = `${ESC}[31mred${ESC}]0;title\u0007\r\nx`;
    expect(
      unsafeSpans(colour)
        .map((s) => s.text)
        .join(''),
    ).toBe(colour);
    expect(unsafeSpans(colour).filter((s) => s.unsafe)).toEqual([
      { text: ESC, unsafe: true },
      { text: ESC, unsafe: true },
      { text: '\u0007\r\n', unsafe: true },
    ]);
    expect(unsafeSpans('')).toEqual([]);
  });

  it('marks every control and bidi character named in unsafe-text.ts, and no ordinary text', () => {
    const unsafe = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x061c,
      0x200e,
      0x200f,
      0x2028,
      0x2029,
      0x202a,
      0x202b,
      0x202c,
      0x202d,
      0x202e,
      0x2066,
      0x2067,
      0x2068,
      0x2069,
    ];
    for (const c of unsafe)
      expect(isUnsafeChar(String.fromCodePoint(c)), c.toString(16)).toBe(true);
    // Arabic, Farsi with its zero-width non-joiner, Cyrillic, CJK, emoji and punctuation are text.
    for (const ch of 'تهديد می‌خواهم Угроза 脅迫 🙂 ~!"\\/ \u00a0\u00ad')
      expect(isUnsafeChar(ch), ch.codePointAt(0)?.toString(16)).toBe(false);
  });
});

describe('escapeUnsafe terminal', () => {
  it('shows each unsafe character as an escape and leaves the rest as it was', () => {
    expect(escapeUnsafe(`rtl${RLO}gnp.exe`, 'terminal')).toBe('rtl\\u{202E}gnp.exe');
    expect(escapeUnsafe(`${ESC}[31mred${ESC}[0m`, 'terminal')).toBe('\\x1b[31mred\\x1b[0m');
    expect(escapeUnsafe(`a\nOK  forged\r\tb\u0000\u007f\u009b`, 'terminal')).toBe(
      'a\\nOK  forged\\r\\tb\\x00\\x7f\\x9b',
    );
    expect(escapeUnsafe('\u2066\u061c\u2029', 'terminal')).toBe('\\u{2066}\\u{061C}\\u{2029}');
    expect(escapeUnsafe('تهديد بالعنف.png', 'terminal')).toBe('تهديد بالعنف.png');
  });

  it('leaves nothing a terminal would obey', () => {
    const hostile = `${ESC}]0;pwned\u0007${ESC}[2J\n\r${RLO}\u2067\u009b31m`;
    expect(unsafeSpans(escapeUnsafe(hostile, 'terminal')).some((s) => s.unsafe)).toBe(false);
  });
});

describe('escapeUnsafe json', () => {
  it('escapes bidi controls in a JSON document, which still parses to the exact strings', () => {
    const doc = { name: `rtl${RLO}gnp.exe`, title: `${ESC}[31m\u2066x\u2069\u0085` };
    const text = escapeUnsafe(JSON.stringify(doc, null, 2), 'json');
    expect(text).toContain('rtl\\u202egnp.exe');
    expect(text).toContain('\\u001b[31m\\u2066x\\u2069\\u0085');
    expect(JSON.parse(text)).toEqual(doc);
    // The document's own layout (newlines, indentation) stays.
    expect(text.split('\n')).toHaveLength(4);
    expect(unsafeSpans(text).filter((s) => s.unsafe && s.text !== '\n')).toEqual([]);
  });
});
