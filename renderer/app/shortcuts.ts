// Every keyboard shortcut, in one table: the handlers look keys up here and the `?` overlay lists
// it, so the overlay cannot drift from what the keys do.

export interface Shortcut {
  /** Key specs: a KeyboardEvent.key, optionally prefixed by `Ctrl+`. */
  readonly keys: readonly string[];
  readonly label: string;
  readonly scope: ShortcutScope;
}

export const shortcutScopes = ['Anywhere', 'Case list', 'Case', 'Case form'] as const;
export type ShortcutScope = (typeof shortcutScopes)[number];

export const shortcuts = {
  lock: { keys: ['Ctrl+L'], label: 'Lock the vault now', scope: 'Anywhere' },
  help: { keys: ['?'], label: 'Show the keyboard shortcuts', scope: 'Anywhere' },
  back: { keys: ['Escape'], label: 'Close a dialog, or go back', scope: 'Anywhere' },
  search: { keys: ['/'], label: 'Search cases', scope: 'Case list' },
  next: { keys: ['j', 'ArrowDown'], label: 'Next case', scope: 'Case list' },
  previous: { keys: ['k', 'ArrowUp'], label: 'Previous case', scope: 'Case list' },
  open: { keys: ['Enter'], label: 'Open the selected case', scope: 'Case list' },
  newCase: { keys: ['n'], label: 'New case', scope: 'Case list' },
  edit: { keys: ['e'], label: 'Edit the case', scope: 'Case' },
  save: { keys: ['Ctrl+Enter'], label: 'Save the case', scope: 'Case form' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof shortcuts;

interface KeySpec {
  ctrl: boolean;
  key: string;
}

function parse(spec: string): KeySpec {
  const ctrl = spec.startsWith('Ctrl+');
  return { ctrl, key: ctrl ? spec.slice(5) : spec };
}

/** Whether the event is one of the shortcut's keys. Ctrl also matches Cmd, for macOS. */
export function matches(id: ShortcutId, event: KeyboardEvent): boolean {
  const ctrlDown = event.ctrlKey || event.metaKey;
  return shortcuts[id].keys.some((spec) => {
    const { ctrl, key } = parse(spec);
    if (ctrl !== ctrlDown || event.altKey) return false;
    if (key.length > 1) return event.key === key;
    if (event.key.toLowerCase() === key.toLowerCase()) return true;
    return isNonLatin(event.key) && event.code === physicalCode(key, event.shiftKey);
  });
}

// With an Arabic, Farsi or Russian layout, the J key types a letter of that script: fall back to
// the physical key so shortcuts work without switching layouts.
function isNonLatin(key: string): boolean {
  return key.length === 1 && key.charCodeAt(0) > 0x7f;
}

function physicalCode(key: string, shift: boolean): string | null {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (key === '/' && !shift) return 'Slash';
  if (key === '?' && shift) return 'Slash';
  return null;
}

/** Keys with a modifier (and Escape) work while typing; plain letters must not steal text. */
export function worksWhileTyping(id: ShortcutId): boolean {
  return shortcuts[id].keys.every((spec) => parse(spec).ctrl || spec === 'Escape');
}

/** How a key spec is shown to people. */
export function keyLabel(spec: string): string {
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    Escape: 'Esc',
    Enter: 'Enter',
  };
  return spec
    .split('+')
    .map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join(' + ');
}
