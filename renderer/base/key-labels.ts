// How a key is shown to people: on the reviewer's layout where the browser can tell (the key marked
// J shows as ت on an Arabic layout, О on a Russian one), else as on a US keyboard; keys with no
// printed symbol in the interface's language.
import { parse, physicalCode } from './shortcuts.ts';

const symbols: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Enter: 'Enter',
};

/** Words for keys that have no printed symbol, in the interface's language. */
export interface KeyWords {
  space: string;
  pageDown: string;
  pageUp: string;
  arrows: string;
}

const englishKeyWords: KeyWords = {
  space: 'Space',
  pageDown: 'Page Down',
  pageUp: 'Page Up',
  arrows: 'arrows',
};

/** What the reviewer's layout prints on each physical key (navigator.keyboard.getLayoutMap). */
export type LayoutMap = ReadonlyMap<string, string>;

/**
 * How a key spec is shown to people: on the reviewer's layout where it is known (the key marked J
 * shows as ت on an Arabic layout), else the US label.
 */
export function keyLabel(
  spec: string,
  layout: LayoutMap | null = null,
  words: KeyWords = englishKeyWords,
): string {
  const { ctrl, shift, key } = parse(spec);
  const parts = [...(ctrl ? ['Ctrl'] : []), ...(shift ? ['Shift'] : [])];
  const named: Record<string, string> = {
    ' ': words.space,
    PageDown: words.pageDown,
    PageUp: words.pageUp,
    Arrows: words.arrows,
  };
  const code = /^[a-z]$/i.test(key) ? physicalCode(key, shift) : null;
  const printed = code ? layout?.get(code) : undefined;
  const plain = key.length === 1 ? key.toUpperCase() : key;
  parts.push(named[key] ?? symbols[key] ?? printed?.toLocaleUpperCase() ?? plain);
  return parts.join(' + ');
}
