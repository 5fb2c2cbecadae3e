// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { keyLabel, matches, worksWhileTyping } from './shortcuts.ts';

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

  it('follows the typed letter on Latin layouts such as Dvorak', () => {
    // Dvorak puts "j" on the physical C key: the letter, not the position, counts.
    expect(matches('next', key({ key: 'j', code: 'KeyC' }))).toBe(true);
    expect(matches('next', key({ key: 'h', code: 'KeyJ' }))).toBe(false);
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
