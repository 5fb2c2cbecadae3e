// A web page saved as HTML: read as text, never rendered; inline (data:) images become children.
import type { Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { decodeHtml } from './html-charset.ts';
import { readHtml } from './html-text.ts';
import { webResult } from './web-result.ts';

export const extractHtml: Extractor = async (source, limits) => {
  const { html, encoding } = decodeHtml(await bytesOf(source));
  const page = readHtml(html);
  // A saved page's other files (page_files/…) are separate evidence: only inline images are here.
  return webResult(
    { mime: 'text/html', encoding, pages: [page], capturedAt: null, lookup: () => null },
    limits,
  );
};
