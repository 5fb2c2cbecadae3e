// A CSV list with a header: hash columns by name (md5, sha1, sha256, pdq, photodna, …), and
// optionally `category` (a `${scheme}:${code}` id) and `negative` (true/1/yes).
import { parseColumns } from './columns.ts';
import type { RecordSource } from '../list-entry.ts';

const truthy = (v: string | undefined) => /^(true|1|yes)$/i.test(v?.trim() ?? '');

export function parseCsv(path: string): RecordSource {
  return parseColumns(path, {
    sep: ',',
    known: ['category', 'negative', 'name', 'filename', 'file', 'comment', 'quality', 'id'],
    describe: (row) => ({
      categoryId: row['category'] && row['category'].includes(':') ? row['category'] : null,
      negative: truthy(row['negative']),
    }),
  });
}
