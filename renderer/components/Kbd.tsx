import { keyLabel } from '../base/shortcuts.ts';

/** A key as people see it on the keyboard: `Ctrl+L` shows as Ctrl + L. */
export function Kbd({ spec }: { spec: string }) {
  return <kbd className="kbd">{keyLabel(spec)}</kbd>;
}
