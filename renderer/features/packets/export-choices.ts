// The other formats the packaging screen writes for the same items: which channel each uses and the
// name its save dialog opens on. Names say nothing about the case, as a packet's do not.
import type { ExportKind } from './exports.store.ts';

const two = (n: number) => String(n).padStart(2, '0');

const endings: Record<ExportKind, string> = {
  // A CyberTip draft is a folder (report.xml and one fileDetails per file): no extension.
  ncmec: '',
  vics: '.json',
  'case-uco': '.jsonld',
};

const stems: Record<ExportKind, string> = {
  ncmec: 'custody-cybertip-draft',
  vics: 'custody-vics',
  'case-uco': 'custody-case-uco',
};

/** The suggested name for an export written now, in local time like a packet's. */
export function exportName(kind: ExportKind, now: Date): string {
  const stamp = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
  return `${stems[kind]}-${stamp}${endings[kind]}`;
}
