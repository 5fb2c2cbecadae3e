// Names of evidence files inside a packet. The original filename is hostile text: it may hold path
// separators, "..", control and bidi-override characters (U+202E makes "gpj.exe" read as "exe.jpg"),
// or names reserved on Windows. Letters and digits of any script are kept so a name stays
// recognisable; everything else becomes "_". The item id prefix keeps names unique.
const MAX_NAME = 80;

export function safeFileName(original: string): string {
  let name = original
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .replace(/\.+$/, '');
  if ([...name].length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = [...name].slice(0, MAX_NAME - ext.length).join('') + ext;
  }
  return name || 'file';
}

export const evidencePath = (itemId: string, originalName: string) =>
  `evidence/${itemId}-${safeFileName(originalName)}`;
