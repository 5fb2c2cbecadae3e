// The extractor registry: which reader handles each kind of evidence. Loaders are lazy so the
// decode worker pays for a parser (pdf.js, a MIME parser, a WASM archive reader) only when a file
// of its kind arrives; the main process asks only whether a kind has one. One line per kind.
import type { ItemKind } from '../../../shared/domain/item.ts';
import type { Extractor } from './extract-result.ts';

type Loader = () => Promise<Extractor>;

const extractors: Partial<Record<ItemKind, Loader>> = {
  text: () => import('./text/text.extractor.ts').then((m) => m.extractText),
  pdf: () => import('./pdf/pdf.extractor.ts').then((m) => m.extractPdf),
  web: () => import('./web/web.extractor.ts').then((m) => m.extractWeb),
  document: () => import('./office/document.extractor.ts').then((m) => m.extractDocument),
  chat: () => import('./chat/chat.extractor.ts').then((m) => m.extractChat),
  video: () => import('./video/video.extractor.ts').then((m) => m.extractVideo),
  audio: () => import('./audio/audio.extractor.ts').then((m) => m.extractAudio),
};

/** Whether ingest should send a file of this kind to the decode process to be read. */
export function hasExtractor(kind: ItemKind): boolean {
  return extractors[kind] !== undefined;
}

/** The extractor for `kind`, loaded; only the decode worker calls this. */
export async function extractorFor(kind: ItemKind): Promise<Extractor | undefined> {
  return extractors[kind]?.();
}
