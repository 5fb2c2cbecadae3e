// What kind of file a non-image item is, for its icon: from the type sniffed from its content
// first, the extension only when the content said nothing (application/octet-stream). The name
// itself is always shown too, so an icon never has to be trusted alone.
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { splitExtension } from '../../components/FileName.tsx';
import type { ItemSummary } from '../../../shared/domain/item.ts';

export const fileFamilies = [
  'text',
  'document',
  'spreadsheet',
  'data',
  'web',
  'archive',
  'audio',
  'video',
  'image',
  'program',
  'other',
] as const;
export type FileFamily = (typeof fileFamilies)[number];

export const familyLabels: Record<FileFamily, MessageDescriptor> = defineMessages({
  text: { id: 'fileKind.text', defaultMessage: 'Text' },
  document: { id: 'fileKind.document', defaultMessage: 'Document' },
  spreadsheet: { id: 'fileKind.spreadsheet', defaultMessage: 'Spreadsheet' },
  data: { id: 'fileKind.data', defaultMessage: 'Data' },
  web: { id: 'fileKind.web', defaultMessage: 'Web page' },
  archive: { id: 'fileKind.archive', defaultMessage: 'Archive' },
  audio: { id: 'fileKind.audio', defaultMessage: 'Audio' },
  video: { id: 'fileKind.video', defaultMessage: 'Video' },
  image: { id: 'fileKind.image', defaultMessage: 'Image' },
  program: { id: 'fileKind.program', defaultMessage: 'Program' },
  other: { id: 'fileKind.other', defaultMessage: 'File' },
});

const byMime: [RegExp, FileFamily][] = [
  [/^text\/html$|^application\/xhtml\+xml$/, 'web'],
  [
    /^application\/(json|xml|x-ndjson|yaml)$|^text\/(csv|xml|tab-separated-values)$|\+json$|\+xml$/,
    'data',
  ],
  [/^text\//, 'text'],
  [
    /^application\/(pdf|rtf|msword|epub\+zip)$|wordprocessingml|opendocument\.text|presentation/,
    'document',
  ],
  [/spreadsheet|ms-excel|opendocument\.spreadsheet/, 'spreadsheet'],
  [
    /^application\/(zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar-compressed|vnd\.rar|x-bzip2|x-xz|zstd|x-zstd|vnd\.ms-cab-compressed|x-iso9660-image)$/,
    'archive',
  ],
  [/^audio\//, 'audio'],
  [/^video\//, 'video'],
  [/^image\//, 'image'],
  [
    /^application\/(x-msdownload|x-dosexec|vnd\.microsoft\.portable-executable|x-executable|x-elf|x-mach-binary|x-sharedlib|vnd\.android\.package-archive|x-msi|java-archive|wasm)$/,
    'program',
  ],
];

const byExtension: Record<string, FileFamily> = {
  txt: 'text',
  log: 'text',
  md: 'text',
  eml: 'text',
  pdf: 'document',
  doc: 'document',
  docx: 'document',
  odt: 'document',
  rtf: 'document',
  xls: 'spreadsheet',
  xlsx: 'spreadsheet',
  ods: 'spreadsheet',
  json: 'data',
  xml: 'data',
  csv: 'data',
  tsv: 'data',
  sqlite: 'data',
  db: 'data',
  html: 'web',
  htm: 'web',
  zip: 'archive',
  rar: 'archive',
  '7z': 'archive',
  gz: 'archive',
  tar: 'archive',
  mp3: 'audio',
  m4a: 'audio',
  ogg: 'audio',
  opus: 'audio',
  wav: 'audio',
  aac: 'audio',
  mp4: 'video',
  mov: 'video',
  mkv: 'video',
  webm: 'video',
  avi: 'video',
  '3gp': 'video',
  exe: 'program',
  dll: 'program',
  apk: 'program',
  msi: 'program',
  bat: 'program',
  sh: 'program',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  heic: 'image',
};

/** The extension as a short label ('PDF'), when it is plain letters and digits. */
export function extensionLabel(name: string): string | null {
  const ext = splitExtension(name)[1].slice(1);
  return /^[a-z0-9]{1,5}$/i.test(ext) ? ext.toUpperCase() : null;
}

export function fileFamily(mime: string, name: string): FileFamily {
  const type = mime.toLowerCase().split(';')[0]?.trim() ?? '';
  for (const [pattern, family] of byMime) if (pattern.test(type)) return family;
  const ext = extensionLabel(name)?.toLowerCase();
  return (ext && byExtension[ext]) || 'other';
}

/**
 * Whether the grid shows the item's own veiled picture: photos and videos (its first still) that
 * could be decoded. Every other kind (text, e-mail, documents, archives, audio, opaque or damaged
 * files) shows its file-kind icon: pages and embedded images are stills or items of their own,
 * veiled wherever they are shown.
 */
export function showsPicture(item: Pick<ItemSummary, 'kind' | 'damaged'>): boolean {
  return (item.kind === 'image' || item.kind === 'video') && item.damaged === null;
}
