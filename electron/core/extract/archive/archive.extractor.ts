// Archives by their format: ZIP here; a format without a reader is kept whole, unread.
import { emptyResult, type Extractor } from '../extract-result.ts';
import { bytesOf } from '../source.ts';
import { extractZip } from './zip.extractor.ts';

const ZIP_MAGIC = [0x50, 0x4b];

export const extractArchive: Extractor = async (source, limits) => {
  const bytes = await bytesOf(source);
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b))
    return extractZip({ bytes, name: source.name }, limits);
  const result = emptyResult('archive');
  result.facts = { unpacked: false, reason: 'no reader for this archive format yet' };
  return result;
};
