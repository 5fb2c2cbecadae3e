import { useEffect, useEffectEvent } from 'react';
import { matches, worksWhileTyping, type ShortcutId } from './shortcuts.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

function isInteractive(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, a, input, select, textarea') !== null;
}

function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Binds one shortcut from the table while the component is mounted (and `enabled`). Page
 * shortcuts rest while a dialog is open, except Lock, which must work from anywhere.
 */
export function useShortcut(
  id: ShortcutId,
  handler: (event: KeyboardEvent) => void,
  enabled = true,
): void {
  const onMatch = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !matches(id, event)) return;
      if (isTyping(event.target) && !worksWhileTyping(id)) return;
      if (id === 'open' && isInteractive(event.target)) return;
      if (id !== 'lock' && modalOpen()) return;
      event.preventDefault();
      onMatch(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [id, enabled]);
}

/**
 * A keydown handler for a screen with many keys (the item view): the same rules as useShortcut
 * (not while typing, not under a dialog, not twice), and the handler says whether it took the key.
 */
export function useKeys(handler: (event: KeyboardEvent) => boolean, enabled = true): void {
  const onKey = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || modalOpen()) return;
      if (isTyping(event.target)) return;
      if (onKey(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
