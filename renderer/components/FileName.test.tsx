// @vitest-environment happy-dom
// A hostile name cannot hide its extension: the override and other hidden characters are shown as
// tokens and never reach the page as themselves, and the extension stays in its own part.
import { afterEach, describe, expect, it } from 'vitest';
import { render, type Rendered } from '../../tests/helpers/react-render.ts';
import { FileName, splitExtension } from './FileName.tsx';
import { isUnsafeChar } from '../../shared/domain/unsafe-text.ts';

let shown: Rendered | undefined;
afterEach(async () => {
  await shown?.unmount();
  shown = undefined;
});

/** Whether a control or bidi character reached the page as itself. */
const hidden = (text: string | null) => [...(text ?? '')].some(isUnsafeChar);

describe('FileName', () => {
  it('shows a right-to-left override as a token, so rtl-exe.png reads as the .exe it is', async () => {
    shown = await render(<FileName name={'rtl-\u202egnp.exe'} truncate />);
    const text = shown.container.textContent ?? '';
    expect(hidden(text)).toBe(false);
    expect(text).toContain('⟨U+202E⟩');
    expect(shown.container.querySelector('.file-name-ext')?.textContent).toBe('.exe');
    expect(shown.container.querySelector('bdi')?.getAttribute('title')).toBe('rtl-⟨U+202E⟩gnp.exe');
  });

  it('marks every isolate, embedding and control character, a newline included', async () => {
    const name = 'a\u2066b\u2069c\u202ad\u202be\u202cf\u202dg\nh\u001b[31mi.txt';
    shown = await render(<FileName name={name} />);
    const tokens = [...shown.container.querySelectorAll('[data-testid="unsafe-char"]')].map((t) =>
      t.getAttribute('title'),
    );
    expect(tokens).toEqual([
      'Hidden character in the name: U+2066, left-to-right isolate',
      'Hidden character in the name: U+2069, pop directional isolate',
      'Hidden character in the name: U+202A, left-to-right embedding',
      'Hidden character in the name: U+202B, right-to-left embedding',
      'Hidden character in the name: U+202C, pop directional formatting',
      'Hidden character in the name: U+202D, left-to-right override',
      'Hidden character in the name: U+000A, line feed',
      'Hidden character in the name: U+001B, escape',
    ]);
    expect(hidden(shown.container.textContent)).toBe(false);
  });

  it('leaves Arabic, Persian and Russian names as they are, isolated', async () => {
    shown = await render(<FileName name="تصویر گزارش.png" />);
    expect(shown.container.textContent).toBe('تصویر گزارش.png');
    expect(shown.container.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
  });
});

describe('splitExtension', () => {
  it('keeps a plausible extension apart, and nothing else', () => {
    expect(splitExtension('фото угрозы.jpg')).toEqual(['фото угрозы', '.jpg']);
    expect(splitExtension('.bashrc')).toEqual(['.bashrc', '']);
    expect(splitExtension('notes')).toEqual(['notes', '']);
    expect(splitExtension('v1.2 final draft')).toEqual(['v1.2 final draft', '']);
    expect(splitExtension('archive.tar.gz')).toEqual(['archive.tar', '.gz']);
  });
});
