// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { keyLabel } from './key-labels.ts';
import { matches, shortcutScopes, shortcuts, shownKeys, worksWhileTyping } from './shortcuts.ts';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('shortcuts', () => {
  it('matches Ctrl+L and Cmd+L, but not a plain L or Ctrl+Alt+L', () => {
    expect(matches('lock', key({ key: 'l', code: 'KeyL', ctrlKey: true }))).toBe(true);
    expect(matches('lock', key({ key: 'l', code: 'KeyL', metaKey: true }))).toBe(true);
    expect(matches('lock', key({ key: 'l', code: 'KeyL' }))).toBe(false);
    expect(matches('lock', key({ key: 'l', code: 'KeyL', ctrlKey: true, altKey: true }))).toBe(
      false,
    );
  });

  it('works with a Russian, Arabic or Persian keyboard layout by the physical key', () => {
    expect(matches('lock', key({ key: 'д', code: 'KeyL', ctrlKey: true }))).toBe(true);
    expect(matches('next', key({ key: 'ت', code: 'KeyJ' }))).toBe(true);
    expect(matches('help', key({ key: '؟', code: 'Slash', shiftKey: true }))).toBe(true);
    expect(matches('search', key({ key: '.', code: 'Slash' }))).toBe(false);
  });

  it('follows the physical key on every layout, and the letter only when there is no code', () => {
    // Arabic and Russian: the key marked J types ت or о; Dvorak types h there and j on KeyC.
    expect(matches('nextItem', key({ key: 'ت', code: 'KeyJ' }))).toBe(true);
    expect(matches('nextItem', key({ key: 'о', code: 'KeyJ' }))).toBe(true);
    expect(matches('previousItem', key({ key: 'ن', code: 'KeyK' }))).toBe(true);
    expect(matches('previousItem', key({ key: 'л', code: 'KeyK' }))).toBe(true);
    expect(matches('revealStep', key({ key: 'ق', code: 'KeyR' }))).toBe(true);
    expect(matches('revealStep', key({ key: 'к', code: 'KeyR' }))).toBe(true);
    expect(matches('next', key({ key: 'h', code: 'KeyJ' }))).toBe(true);
    expect(matches('next', key({ key: 'j', code: 'KeyC' }))).toBe(false);
    expect(matches('next', key({ key: 'j' }))).toBe(true);
    expect(matches('next', key({ key: 'о' }))).toBe(false);
  });

  it('moves forward the way the page reads: ← is next in Arabic and Farsi', () => {
    try {
      document.documentElement.dir = 'rtl';
      expect(matches('nextItem', key({ key: 'ArrowLeft', code: 'ArrowLeft' }))).toBe(true);
      expect(matches('previousItem', key({ key: 'ArrowRight', code: 'ArrowRight' }))).toBe(true);
      expect(matches('itemNext', key({ key: 'ArrowLeft', code: 'ArrowLeft' }))).toBe(true);
      expect(matches('nextItem', key({ key: 'ArrowRight', code: 'ArrowRight' }))).toBe(false);
      expect(
        matches('extendSelection', key({ key: 'ArrowLeft', code: 'ArrowLeft', shiftKey: true })),
      ).toBe(true);
      // The letters and the vertical arrows do not change; a zoomed image pans as it is.
      expect(matches('nextItem', key({ key: 'ت', code: 'KeyJ' }))).toBe(true);
      expect(matches('itemNext', key({ key: 'ArrowDown', code: 'ArrowDown' }))).toBe(true);
      expect(matches('pan', key({ key: 'ArrowRight', code: 'ArrowRight' }))).toBe(true);
      expect(shownKeys('nextItem')).toEqual(['j', 'ArrowLeft']);
      document.documentElement.dir = 'ltr';
      expect(matches('nextItem', key({ key: 'ArrowRight', code: 'ArrowRight' }))).toBe(true);
      expect(shownKeys('nextItem')).toEqual(['j', 'ArrowRight']);
    } finally {
      document.documentElement.dir = '';
    }
  });

  it("labels a letter as the reviewer's layout prints it, else as on a US keyboard", () => {
    const arabic = new Map([
      ['KeyJ', 'ت'],
      ['KeyL', 'م'],
    ]);
    const russian = new Map([
      ['KeyJ', 'о'],
      ['KeyL', 'д'],
    ]);
    expect(keyLabel('j', arabic)).toBe('ت');
    expect(keyLabel('Ctrl+L', arabic)).toBe('Ctrl + م');
    expect(keyLabel('j', russian)).toBe('О');
    expect(keyLabel('Ctrl+L', russian)).toBe('Ctrl + Д');
    expect(keyLabel('k', russian)).toBe('K');
    expect(keyLabel('j')).toBe('J');
    expect(keyLabel('Escape', russian)).toBe('Esc');
  });

  it('lets only modified keys and Escape act while typing', () => {
    expect(worksWhileTyping('lock')).toBe(true);
    expect(worksWhileTyping('save')).toBe(true);
    expect(worksWhileTyping('back')).toBe(true);
    expect(worksWhileTyping('newCase')).toBe(false);
    expect(worksWhileTyping('next')).toBe(false);
  });

  it('shows keys as people read them', () => {
    expect(keyLabel('Ctrl+L')).toBe('Ctrl + L');
    expect(keyLabel('ArrowDown')).toBe('↓');
    expect(keyLabel('Escape')).toBe('Esc');
  });
});

describe('triage keys', () => {
  it('reads number keys by position, so Persian digits and Shift+1 work', () => {
    expect(matches('categorise', key({ key: '3', code: 'Digit3' }))).toBe(true);
    expect(matches('categorise', key({ key: '۳', code: 'Digit3' }))).toBe(true);
    expect(matches('categorise', key({ key: '3', code: 'Numpad3' }))).toBe(true);
    expect(matches('categorise', key({ key: '#', code: 'Digit3', shiftKey: true }))).toBe(false);
    expect(matches('severity', key({ key: '#', code: 'Digit3', shiftKey: true }))).toBe(true);
    expect(matches('severity', key({ key: '^', code: 'Digit6', shiftKey: true }))).toBe(false);
    expect(matches('uncategorise', key({ key: '0', code: 'Digit0' }))).toBe(true);
    expect(matches('categorise', key({ key: '0', code: 'Digit0' }))).toBe(false);
  });

  it('tells a letter from the same letter with Shift', () => {
    expect(matches('nextItem', key({ key: 'j', code: 'KeyJ' }))).toBe(true);
    expect(matches('nextItem', key({ key: 'J', code: 'KeyJ', shiftKey: true }))).toBe(false);
    expect(matches('extendSelection', key({ key: 'J', code: 'KeyJ', shiftKey: true }))).toBe(true);
    expect(matches('rowDown', key({ key: 'ArrowDown', shiftKey: true }))).toBe(false);
    expect(matches('extendSelection', key({ key: 'ArrowDown', shiftKey: true }))).toBe(true);
  });

  it('selects all with Ctrl+A or Cmd+A, and Space toggles', () => {
    expect(matches('selectAll', key({ key: 'a', code: 'KeyA', ctrlKey: true }))).toBe(true);
    expect(matches('selectAll', key({ key: 'ф', code: 'KeyA', metaKey: true }))).toBe(true);
    expect(matches('addEvidence', key({ key: 'a', code: 'KeyA', ctrlKey: true }))).toBe(false);
    expect(matches('toggleSelect', key({ key: ' ', code: 'Space' }))).toBe(true);
  });

  it('labels ranges and modified keys for the overlay', () => {
    expect(keyLabel('Shift+1 … 5')).toBe('Shift + 1 … 5');
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('Ctrl+,')).toBe('Ctrl + ,');
    expect(shownKeys('categorise')).toEqual(['1 … 9']);
    expect(shownKeys('tag')).toEqual(['t']);
  });

  it('gives every shortcut a key and a scope the overlay shows', () => {
    for (const s of Object.values(shortcuts)) {
      expect(s.keys.length).toBeGreaterThan(0);
      expect(shortcutScopes).toContain(s.scope);
    }
  });
});
