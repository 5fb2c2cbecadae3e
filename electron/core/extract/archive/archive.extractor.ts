// Archives by their format, told by content: ZIP, and tar (bare or gzip-compressed) here; a format
// without a reader (7z, RAR: see docs/decisions.md) is kept whole, unread.
import { emptyResult, type Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { extractZip } from './zip.extractor.ts';
import { extractTar } from './tar.extractor.ts';
import { isGzip } from './gzip.extractor.ts';
import { isTarHeader } from './tar-header.ts';

const ZIP_MAGIC = [0x50, 0x4b];

export const extractArchive: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b))
    return extractZip({ bytes, name: source.name }, limits);
  if (isGzip(bytes) || isTarHeader(bytes)) return extractTar({ bytes, name: source.name }, limits);
  const result = emptyResult('archive');
  result.facts = { unpacked: false, reason: 'no reader for this archive format' };
  return result;
};
