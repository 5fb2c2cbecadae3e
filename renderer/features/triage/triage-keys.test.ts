// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { keyedCategories, readTriageKey } from './triage-keys.ts';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('triage keys', () => {
  it('reads the Arabic and Russian layouts by the physical key', () => {
    // t, n, e, s on an Arabic layout type ف ى ث س; on a Russian one е т у ы.
    const cases: [KeyboardEventInit, ReturnType<typeof readTriageKey>][] = [
      [{ key: 'ف', code: 'KeyT' }, { kind: 'tag' }],
      [{ key: 'е', code: 'KeyT' }, { kind: 'tag' }],
      [{ key: 'ى', code: 'KeyN' }, { kind: 'note' }],
      [{ key: 'т', code: 'KeyN' }, { kind: 'note' }],
      [{ key: 'ث', code: 'KeyE' }, { kind: 'escalate' }],
      [{ key: 'у', code: 'KeyE' }, { kind: 'escalate' }],
      [{ key: 'س', code: 'KeyS' }, { kind: 'severity-mode' }],
      [{ key: 'ы', code: 'KeyS' }, { kind: 'severity-mode' }],
      [
        { key: '٣', code: 'Digit3' },
        { kind: 'categorise', position: 3 },
      ],
    ];
    for (const [init, command] of cases) expect(readTriageKey(key(init), false)).toEqual(command);
  });

  it('undoes with u or Ctrl+Z (Cmd+Z on macOS), whatever the layout types there', () => {
    for (const init of [
      { key: 'u', code: 'KeyU' },
      { key: 'z', code: 'KeyZ', ctrlKey: true },
      { key: 'z', code: 'KeyZ', metaKey: true },
      { key: 'г', code: 'KeyU' },
    ]) {
      expect(readTriageKey(key(init), false)).toEqual({ kind: 'undo' });
    }
    expect(readTriageKey(key({ key: 'z', code: 'KeyZ' }), false)).toBeNull();
  });

  it('categorises by the number of the category, and 0 clears it', () => {
    expect(readTriageKey(key({ key: '3', code: 'Digit3' }), false)).toEqual({
      kind: 'categorise',
      position: 3,
    });
    expect(readTriageKey(key({ key: '0', code: 'Digit0' }), false)).toEqual({
      kind: 'categorise',
      position: null,
    });
  });

  it('sets severity with Shift and a digit, whatever the digit types', () => {
    expect(readTriageKey(key({ key: '$', code: 'Digit4', shiftKey: true }), false)).toEqual({
      kind: 'severity',
      severity: 4,
    });
    expect(readTriageKey(key({ key: ')', code: 'Digit0', shiftKey: true }), false)).toEqual({
      kind: 'severity',
      severity: null,
    });
    expect(readTriageKey(key({ key: '^', code: 'Digit6', shiftKey: true }), false)).toBeNull();
  });

  it('sets severity with s then a digit; anything else leaves that mode', () => {
    expect(readTriageKey(key({ key: 's', code: 'KeyS' }), false)).toEqual({
      kind: 'severity-mode',
    });
    expect(readTriageKey(key({ key: '2', code: 'Digit2' }), true)).toEqual({
      kind: 'severity',
      severity: 2,
    });
    expect(readTriageKey(key({ key: '0', code: 'Digit0' }), true)).toEqual({
      kind: 'severity',
      severity: null,
    });
    expect(readTriageKey(key({ key: '7', code: 'Digit7' }), true)).toEqual({
      kind: 'cancel-severity-mode',
    });
    expect(readTriageKey(key({ key: 'j', code: 'KeyJ' }), true)).toEqual({
      kind: 'cancel-severity-mode',
    });
  });

  it('tags with t, notes with n, escalates with e, also on a Russian layout', () => {
    expect(readTriageKey(key({ key: 't', code: 'KeyT' }), false)).toEqual({ kind: 'tag' });
    expect(readTriageKey(key({ key: 'т', code: 'KeyN' }), false)).toEqual({ kind: 'note' });
    expect(readTriageKey(key({ key: 'у', code: 'KeyE' }), false)).toEqual({ kind: 'escalate' });
    expect(readTriageKey(key({ key: 'q', code: 'KeyQ' }), false)).toBeNull();
  });
});

describe('number keys in the primary scheme', () => {
  it("numbers the reviewer's primary scheme's categories in its order, not Custody's fixed list", () => {
    expect(keyedCategories('industry').map((c) => [c.position, c.id])).toEqual([
      [1, 'industry:A1'],
      [2, 'industry:A2'],
      [3, 'industry:B1'],
      [4, 'industry:B2'],
    ]);
    expect(keyedCategories('uk-sc2014').map((c) => c.id)).toEqual([
      'uk-sc2014:A',
      'uk-sc2014:B',
      'uk-sc2014:C',
    ]);
    expect(keyedCategories('custody')[0]).toMatchObject({
      position: 1,
      id: 'custody:child-safety',
    });
  });
});
