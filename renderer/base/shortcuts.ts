// Every keyboard shortcut, in one table: the handlers look keys up here and the `?` overlay lists
// it, so the overlay cannot drift from what the keys do.

import { defineMessage, defineMessages, type MessageDescriptor } from 'react-intl';

export interface Shortcut {
  /** Key specs: a KeyboardEvent.key, optionally prefixed by `Ctrl+` and/or `Shift+`. */
  readonly keys: readonly string[];
  readonly label: MessageDescriptor;
  readonly scope: ShortcutScope;
  /** How the overlay shows the keys, when listing each would be noise (1 … 9). */
  readonly shown?: readonly string[];
}

export const shortcutScopes = [
  'Anywhere',
  'Case list',
  'Case',
  'Evidence grid',
  'Item',
  'Zoomed image',
  'Triage (grid and item)',
  'Forms',
] as const;
export type ShortcutScope = (typeof shortcutScopes)[number];

export const shortcutScopeLabels: Record<ShortcutScope, MessageDescriptor> = defineMessages({
  Anywhere: { id: 'shortcut.scope.anywhere', defaultMessage: 'Anywhere' },
  'Case list': { id: 'shortcut.scope.caseList', defaultMessage: 'Case list' },
  Case: { id: 'shortcut.scope.case', defaultMessage: 'Case' },
  'Evidence grid': { id: 'shortcut.scope.grid', defaultMessage: 'Evidence grid' },
  Item: { id: 'shortcut.scope.item', defaultMessage: 'Item' },
  'Zoomed image': { id: 'shortcut.scope.zoomed', defaultMessage: 'Zoomed image' },
  'Triage (grid and item)': {
    id: 'shortcut.scope.triage',
    defaultMessage: 'Triage (grid and item)',
  },
  Forms: { id: 'shortcut.scope.forms', defaultMessage: 'Forms' },
});

const digits = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

export const shortcuts = {
  lock: {
    keys: ['Ctrl+L'],
    label: defineMessage({ id: 'shortcut.lock', defaultMessage: 'Lock the vault now' }),
    scope: 'Anywhere',
  },
  help: {
    keys: ['?'],
    label: defineMessage({ id: 'shortcut.help', defaultMessage: 'Show the keyboard shortcuts' }),
    scope: 'Anywhere',
  },
  back: {
    keys: ['Escape'],
    label: defineMessage({
      id: 'shortcut.back',
      defaultMessage: 'Close a dialog, clear the selection, or go back',
    }),
    scope: 'Anywhere',
  },
  settings: {
    keys: ['Ctrl+,'],
    label: defineMessage({ id: 'shortcut.settings', defaultMessage: 'Open the settings' }),
    scope: 'Anywhere',
  },
  search: {
    keys: ['/'],
    label: defineMessage({ id: 'shortcut.search', defaultMessage: 'Search cases' }),
    scope: 'Case list',
  },
  next: {
    keys: ['j', 'ArrowDown'],
    label: defineMessage({ id: 'shortcut.next', defaultMessage: 'Next case' }),
    scope: 'Case list',
  },
  previous: {
    keys: ['k', 'ArrowUp'],
    label: defineMessage({ id: 'shortcut.previous', defaultMessage: 'Previous case' }),
    scope: 'Case list',
  },
  open: {
    keys: ['Enter'],
    label: defineMessage({ id: 'shortcut.open', defaultMessage: 'Open the selected case' }),
    scope: 'Case list',
  },
  newCase: {
    keys: ['n'],
    label: defineMessage({ id: 'shortcut.newCase', defaultMessage: 'New case' }),
    scope: 'Case list',
  },
  edit: {
    keys: ['e'],
    label: defineMessage({
      id: 'shortcut.edit',
      defaultMessage: 'Edit the case (outside the grid)',
    }),
    scope: 'Case',
  },
  enterGrid: {
    keys: ['j', 'ArrowDown'],
    label: defineMessage({ id: 'shortcut.enterGrid', defaultMessage: 'Go to the evidence grid' }),
    scope: 'Case',
  },
  searchItems: {
    keys: ['/', 'Ctrl+f'],
    label: defineMessage({ id: 'shortcut.searchItems', defaultMessage: 'Search the case' }),
    scope: 'Case',
  },
  addEvidence: {
    keys: ['a'],
    label: defineMessage({
      id: 'shortcut.addEvidence',
      defaultMessage: 'Add evidence (file picker)',
    }),
    scope: 'Case',
  },
  package: {
    keys: ['p'],
    label: defineMessage({ id: 'shortcut.package', defaultMessage: 'Package items for an agency' }),
    scope: 'Case',
  },
  nextItem: {
    keys: ['j', 'ArrowRight'],
    label: defineMessage({ id: 'shortcut.nextItem', defaultMessage: 'Next item' }),
    scope: 'Evidence grid',
  },
  previousItem: {
    keys: ['k', 'ArrowLeft'],
    label: defineMessage({ id: 'shortcut.previousItem', defaultMessage: 'Previous item' }),
    scope: 'Evidence grid',
  },
  rowDown: {
    keys: ['ArrowDown'],
    label: defineMessage({ id: 'shortcut.rowDown', defaultMessage: 'One row down' }),
    scope: 'Evidence grid',
  },
  rowUp: {
    keys: ['ArrowUp'],
    label: defineMessage({ id: 'shortcut.rowUp', defaultMessage: 'One row up' }),
    scope: 'Evidence grid',
  },
  pageDown: {
    keys: ['PageDown'],
    label: defineMessage({ id: 'shortcut.pageDown', defaultMessage: 'One screen down' }),
    scope: 'Evidence grid',
  },
  pageUp: {
    keys: ['PageUp'],
    label: defineMessage({ id: 'shortcut.pageUp', defaultMessage: 'One screen up' }),
    scope: 'Evidence grid',
  },
  firstItem: {
    keys: ['Home'],
    label: defineMessage({ id: 'shortcut.firstItem', defaultMessage: 'First item' }),
    scope: 'Evidence grid',
  },
  lastItem: {
    keys: ['End'],
    label: defineMessage({ id: 'shortcut.lastItem', defaultMessage: 'Last item' }),
    scope: 'Evidence grid',
  },
  openItem: {
    keys: ['Enter'],
    label: defineMessage({ id: 'shortcut.openItem', defaultMessage: 'Open the item' }),
    scope: 'Evidence grid',
  },
  toggleSelect: {
    keys: ['x', ' '],
    label: defineMessage({
      id: 'shortcut.toggleSelect',
      defaultMessage: 'Select or unselect the focused item',
    }),
    scope: 'Evidence grid',
  },
  extendSelection: {
    keys: [
      'Shift+ArrowRight',
      'Shift+ArrowLeft',
      'Shift+ArrowDown',
      'Shift+ArrowUp',
      'Shift+j',
      'Shift+k',
    ],
    shown: ['Shift+Arrows'],
    label: defineMessage({
      id: 'shortcut.extendSelection',
      defaultMessage: 'Extend the selection (also Shift+J, Shift+K)',
    }),
    scope: 'Evidence grid',
  },
  showChildren: {
    keys: ['c'],
    label: defineMessage({ id: 'shortcut.showChildren', defaultMessage: 'Files inside the item' }),
    scope: 'Evidence grid',
  },
  selectAll: {
    keys: ['Ctrl+a'],
    label: defineMessage({
      id: 'shortcut.selectAll',
      defaultMessage: 'Select every item in the filter',
    }),
    scope: 'Evidence grid',
  },
  itemNext: {
    keys: ['j', 'ArrowRight', 'ArrowDown'],
    label: defineMessage({ id: 'shortcut.itemNext', defaultMessage: 'Next item' }),
    scope: 'Item',
  },
  itemPrevious: {
    keys: ['k', 'ArrowLeft', 'ArrowUp'],
    label: defineMessage({ id: 'shortcut.itemPrevious', defaultMessage: 'Previous item' }),
    scope: 'Item',
  },
  revealStep: {
    keys: ['r'],
    label: defineMessage({
      id: 'shortcut.revealStep',
      defaultMessage: 'Reveal one step more: outline, grey, colour',
    }),
    scope: 'Item',
  },
  veil: {
    keys: ['v'],
    label: defineMessage({ id: 'shortcut.veil', defaultMessage: 'Veil again now' }),
    scope: 'Item',
  },
  zoomIn: {
    keys: ['+', '='],
    label: defineMessage({ id: 'shortcut.zoomIn', defaultMessage: 'Zoom into the unveiled image' }),
    scope: 'Item',
  },
  zoomOut: {
    keys: ['-'],
    label: defineMessage({ id: 'shortcut.zoomOut', defaultMessage: 'Zoom out' }),
    scope: 'Item',
  },
  zoomReset: {
    keys: ['0'],
    label: defineMessage({ id: 'shortcut.zoomReset', defaultMessage: 'Back to the whole image' }),
    scope: 'Zoomed image',
  },
  pan: {
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
    label: defineMessage({
      id: 'shortcut.pan',
      defaultMessage: 'Move around the image (next and previous item again once zoomed out)',
    }),
    scope: 'Zoomed image',
  },
  categorise: {
    keys: digits('', 1, 9),
    shown: ['1 … 9'],
    label: defineMessage({
      id: 'shortcut.categorise',
      defaultMessage: 'Categorise by the number in the scheme',
    }),
    scope: 'Triage (grid and item)',
  },
  uncategorise: {
    keys: ['0'],
    label: defineMessage({ id: 'shortcut.uncategorise', defaultMessage: 'Clear the category' }),
    scope: 'Triage (grid and item)',
  },
  severity: {
    keys: digits('Shift+', 1, 5),
    shown: ['Shift+1 … 5'],
    label: defineMessage({
      id: 'shortcut.severity',
      defaultMessage: 'Severity 1 (low) to 5 (critical)',
    }),
    scope: 'Triage (grid and item)',
  },
  clearSeverity: {
    keys: ['Shift+0'],
    label: defineMessage({ id: 'shortcut.clearSeverity', defaultMessage: 'Clear the severity' }),
    scope: 'Triage (grid and item)',
  },
  severityMode: {
    keys: ['s'],
    label: defineMessage({
      id: 'shortcut.severityMode',
      defaultMessage: 'Severity: then 1 to 5, or 0 to clear',
    }),
    scope: 'Triage (grid and item)',
  },
  tag: {
    keys: ['t'],
    label: defineMessage({ id: 'shortcut.tag', defaultMessage: 'Add or remove a tag' }),
    scope: 'Triage (grid and item)',
  },
  note: {
    keys: ['n'],
    label: defineMessage({ id: 'shortcut.note', defaultMessage: 'Write a note' }),
    scope: 'Triage (grid and item)',
  },
  escalate: {
    keys: ['e'],
    label: defineMessage({
      id: 'shortcut.escalate',
      defaultMessage: 'Escalate: severity 5 and the tag “escalated”',
    }),
    scope: 'Triage (grid and item)',
  },
  undo: {
    keys: ['u', 'Ctrl+Z'],
    label: defineMessage({
      id: 'shortcut.undo',
      defaultMessage: 'Undo the item’s last category, severity or tag change',
    }),
    scope: 'Triage (grid and item)',
  },
  reveal: {
    keys: ['r'],
    label: defineMessage({
      id: 'shortcut.reveal',
      defaultMessage: 'Open the item and reveal its outline',
    }),
    scope: 'Evidence grid',
  },
  save: {
    keys: ['Ctrl+Enter'],
    label: defineMessage({
      id: 'shortcut.save',
      defaultMessage: 'Save the case or the settings; build the packet',
    }),
    scope: 'Forms',
  },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof shortcuts;

export interface KeySpec {
  ctrl: boolean;
  shift: boolean;
  key: string;
}

export function parse(spec: string): KeySpec {
  let rest = spec;
  let ctrl = false;
  let shift = false;
  for (;;) {
    if (rest.startsWith('Ctrl+')) ctrl = true;
    else if (rest.startsWith('Shift+') && rest.length > 6) shift = true;
    else break;
    rest = rest.slice(rest.indexOf('+') + 1);
  }
  return { ctrl, shift, key: rest };
}

/** The digit of a number key by its position (top row or keypad), whatever the layout types there. */
export function digitOf(event: KeyboardEvent): number | null {
  const code = /^(?:Digit|Numpad)([0-9])$/.exec(event.code);
  if (code?.[1] !== undefined) return Number(code[1]);
  if (event.code === '' && /^[0-9]$/.test(event.key)) return Number(event.key);
  return null;
}

/** The physical key (US position) of a letter or symbol spec. */
export function physicalCode(key: string, shift: boolean): string | null {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (key === '/' && !shift) return 'Slash';
  if (key === '?' && shift) return 'Slash';
  if (key === ',') return 'Comma';
  if (key === ' ') return 'Space';
  return null;
}

function keyMatches({ shift, key }: KeySpec, event: KeyboardEvent): boolean {
  // Digits go by position: Shift+1 types "!" (or "1" on AZERTY), a Persian layout types "۱".
  if (/^[0-9]$/.test(key)) return digitOf(event) === Number(key) && event.shiftKey === shift;
  if (key.length > 1) return event.key === key && event.shiftKey === shift;
  // Letters go by the physical key: J is KeyJ whether the layout types j, ت or о there. Only an
  // event without a code (an on-screen keyboard, a synthetic event) falls back to the letter.
  if (/^[a-z]$/i.test(key)) {
    if (event.shiftKey !== shift) return false;
    if (event.code) return event.code === physicalCode(key, shift);
    return event.key.toLowerCase() === key.toLowerCase();
  }
  // Symbols: what is typed, since "?" or "+" sit on different keys across Latin layouts; a
  // non-Latin layout typing something else on the US key still counts by position.
  if (event.key === key) return true;
  return isNonLatin(event.key) && event.code === physicalCode(key, event.shiftKey);
}

function isNonLatin(key: string): boolean {
  return key.length === 1 && key.charCodeAt(0) > 0x7f;
}

/** The page's reading direction, from `<html dir>` (set by LanguageRoot). */
export function readingDirection(): 'ltr' | 'rtl' {
  return typeof document !== 'undefined' && document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
}

// Previous and next follow the reading direction: in Arabic and Farsi the next item is to the
// left, so ← moves forward. Panning a zoomed image stays physical (the image is not mirrored).
const followsReading: ReadonlySet<ShortcutId> = new Set([
  'nextItem',
  'previousItem',
  'itemNext',
  'itemPrevious',
  'extendSelection',
]);

const mirrored = (spec: string) =>
  spec.replace(/Arrow(Left|Right)$/, (_, side: string) =>
    side === 'Left' ? 'ArrowRight' : 'ArrowLeft',
  );

/** The shortcut's key specs in this reading direction. */
export function keysOf(id: ShortcutId, direction = readingDirection()): readonly string[] {
  const keys: readonly string[] = shortcuts[id].keys;
  return direction === 'rtl' && followsReading.has(id) ? keys.map(mirrored) : keys;
}

/** Whether the event is one of the shortcut's keys. Ctrl also matches Cmd, for macOS. */
export function matches(id: ShortcutId, event: KeyboardEvent): boolean {
  const ctrlDown = event.ctrlKey || event.metaKey;
  return keysOf(id).some((spec) => {
    const parsed = parse(spec);
    if (parsed.ctrl !== ctrlDown || event.altKey) return false;
    return keyMatches(parsed, event);
  });
}

/** Keys with a modifier (and Escape) work while typing; plain letters must not steal text. */
export function worksWhileTyping(id: ShortcutId): boolean {
  const keys: readonly string[] = shortcuts[id].keys;
  return keys.every((spec) => parse(spec).ctrl || spec === 'Escape');
}

/** The keys as the overlay and the buttons show them. */
export function shownKeys(id: ShortcutId, direction = readingDirection()): readonly string[] {
  const s: Shortcut = shortcuts[id];
  return s.shown ?? keysOf(id, direction);
}
