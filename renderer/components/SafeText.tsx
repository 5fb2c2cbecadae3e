// Text from evidence shown so it cannot deceive: a control or bidi-override character (U+202E
// would show `rtl-<U+202E>gnp.exe` as `rtl-exe.png`) is never put into the page as itself but as
// a marked token such as ⟨U+202E⟩, with its name for screen readers and on hover.
// The characters' names are Unicode's own (English), as support and the specs spell them.
import { useIntl } from 'react-intl';
import { unsafeSpans } from '../../shared/domain/unsafe-text.ts';

const names: Readonly<Record<number, string>> = {
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x061c: 'Arabic letter mark',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** 'U+202E' for one character. */
export function codePointLabel(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The same text as one plain string with tokens, for a tooltip or an accessible name. */
export function visibleText(text: string): string {
  return unsafeSpans(text)
    .map((span) =>
      span.unsafe ? [...span.text].map((ch) => `⟨${codePointLabel(ch)}⟩`).join('') : span.text,
    )
    .join('');
}

export function SafeText({ text }: { text: string }) {
  const intl = useIntl();
  return (
    <>
      {unsafeSpans(text).map((span, i) =>
        span.unsafe ? (
          [...span.text].map((ch, j) => {
            const label = codePointLabel(ch);
            const name = names[ch.codePointAt(0) ?? 0] ?? 'control character';
            return (
              <span
                key={`${i}-${j}`}
                className="unsafe-char"
                title={intl.formatMessage(
                  {
                    id: 'safeText.title',
                    defaultMessage: 'Hidden character in the name: {code}, {name}',
                  },
                  { code: label, name },
                )}
                data-testid="unsafe-char"
              >
                <span aria-hidden="true">⟨{label}⟩</span>
                <span className="visually-hidden">
                  {' '}
                  {intl.formatMessage(
                    { id: 'safeText.spoken', defaultMessage: '(hidden character {code}, {name})' },
                    { code: label, name },
                  )}{' '}
                </span>
              </span>
            );
          })
        ) : (
          <span key={i}>{span.text}</span>
        ),
      )}
    </>
  );
}
