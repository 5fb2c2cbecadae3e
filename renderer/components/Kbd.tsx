import { useIntl } from 'react-intl';
import { keyLabel } from '../base/key-labels.ts';
import { useKeyboardLayout } from '../base/keyboard-layout.ts';

/** A key as people see it on their keyboard: `Ctrl+L` shows as Ctrl + L, or Ctrl + Д in Russian. */
export function Kbd({ spec }: { spec: string }) {
  const t = useIntl().formatMessage;
  const layout = useKeyboardLayout();
  const words = {
    space: t({ id: 'key.space', defaultMessage: 'Space' }),
    pageDown: t({ id: 'key.pageDown', defaultMessage: 'Page Down' }),
    pageUp: t({ id: 'key.pageUp', defaultMessage: 'Page Up' }),
    arrows: t({ id: 'key.arrows', defaultMessage: 'arrows' }),
  };
  return <kbd className="kbd">{keyLabel(spec, layout, words)}</kbd>;
}
