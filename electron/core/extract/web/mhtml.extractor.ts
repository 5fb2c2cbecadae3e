// A page saved as a single file by a browser (MHTML, RFC 2557): its HTML part read as text, the
// page URL from Snapshot-Content-Location (Chrome) or the HTML part's Content-Location, the capture
// time from the Date header, and the images its parts hold as children.
import type { Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { decodeHtml } from './html-charset.ts';
import { readHtml, resolve } from './html-text.ts';
import { mediaType, parameter, parseMime } from './mime-parts.ts';
import type { CapturedFile } from './web-result.ts';
import { webResult } from './web-result.ts';

export const extractMhtml: Extractor = async (source, limits) => {
  const message = parseMime(await bytesOf(source));
  const htmlPart = message.parts.find(
    (p) => mediaType(p.headers.get('content-type')) === 'text/html',
  );
  if (!htmlPart) throw new Error('the MHTML file holds no HTML part');
  const pageUrl =
    message.headers.get('snapshot-content-location') ??
    htmlPart.headers.get('content-location') ??
    null;
  const { html, encoding } = decodeHtml(
    htmlPart.body,
    parameter(htmlPart.headers.get('content-type') ?? '', 'charset'),
  );
  const files = new Map<string, CapturedFile>();
  for (const part of message.parts) {
    const location = part.headers.get('content-location');
    const file = { bytes: part.body, mime: mediaType(part.headers.get('content-type')) || null };
    if (location) files.set(resolve(location, pageUrl), file);
    const cid = part.headers.get('content-id')?.replace(/^<|>$/g, '');
    if (cid) files.set(`cid:${cid}`, file);
  }
  const date = message.headers.get('date');
  const parsed = date ? Date.parse(date) : NaN;
  return webResult(
    {
      mime: 'multipart/related',
      encoding,
      pages: [readHtml(html, pageUrl)],
      capturedAt: Number.isNaN(parsed) ? null : new Date(parsed).toISOString(),
      lookup: (url) => files.get(url) ?? null,
    },
    limits,
  );
};
