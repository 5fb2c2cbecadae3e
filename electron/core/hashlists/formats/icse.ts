// INTERPOL ICSE exports: semicolon-separated with a header (`MD5;SHA1;PhotoDNA;…`). Columns
// other than hashes (file name, series, dates) are known and ignored; ICSE's own categories are
// not a scheme Custody maps.
import { parseColumns } from './columns.ts';
import type { RecordSource } from '../list-entry.ts';

export function parseIcse(path: string): RecordSource {
  return parseColumns(path, {
    sep: ';',
    known: [
      'filename',
      'file name',
      'name',
      'size',
      'filesize',
      'series',
      'category',
      'created',
      'date',
      'id',
      'mediaid',
      'comment',
      'width',
      'height',
    ],
    describe: () => ({ categoryId: null, negative: false }),
  });
}
