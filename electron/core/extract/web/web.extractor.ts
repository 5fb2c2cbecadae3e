// Every web capture arrives as kind 'web'; which of the four it is, the bytes tell.
import type { Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { extractHtml } from './html.extractor.ts';
import { extractMhtml } from './mhtml.extractor.ts';
import { extractWacz, extractWarc } from './warc.extractor.ts';
import { webCaptureFormat } from './web-sniff.ts';

export const extractWeb: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  const inMemory = { bytes, name: source.name };
  switch (webCaptureFormat(bytes)) {
    case 'wacz':
      return extractWacz(inMemory, limits);
    case 'warc':
      return extractWarc(inMemory, limits);
    case 'mhtml':
      return extractMhtml(inMemory, limits);
    default:
      return extractHtml(inMemory, limits);
  }
};
