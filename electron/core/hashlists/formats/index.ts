// One importer per format; each yields entries, tombstones and problems in file order.
import type { HashListFormat } from '../../../../shared/domain/hashlist.ts';
import type { RecordSource } from '../list-entry.ts';
import { readLines } from '../list-text.ts';
import { parsePlain } from './plain.ts';
import { parseCsv } from './csv.ts';
import { parseIcse } from './icse.ts';
import { parsePytxDataset, parsePytxFile, PYTX_DATASET_HEADER } from './pytx.ts';
import { parseNcmec } from './ncmec.ts';
import { parseStopNcii } from './stopncii.ts';
import { parseTcap } from './tcap.ts';
import { parseVics } from './vics.ts';

export { detectFormat } from './detect.ts';

async function* parsePytx(path: string): RecordSource {
  for await (const { text } of readLines(path)) {
    if (!text.trim() || text.startsWith('#')) continue;
    yield* PYTX_DATASET_HEADER.test(text) ? parsePytxDataset(path) : parsePytxFile(path);
    return;
  }
}

export function parseList(path: string, format: HashListFormat): RecordSource {
  switch (format) {
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'pdq':
      return parsePlain(path, format);
    case 'csv':
      return parseCsv(path);
    case 'icse':
      return parseIcse(path);
    case 'pytx':
      return parsePytx(path);
    case 'ncmec':
      return parseNcmec(path);
    case 'stopncii':
      return parseStopNcii(path);
    case 'tcap':
      return parseTcap(path);
    case 'vics':
      return parseVics(path);
  }
}

/** Formats whose files are updates (they carry tombstones): a newer version is applied on top. */
export const updateFormats: ReadonlySet<HashListFormat> = new Set([
  'ncmec',
  'stopncii',
  'tcap',
  'vics',
]);
