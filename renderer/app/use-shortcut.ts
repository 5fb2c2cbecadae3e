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
