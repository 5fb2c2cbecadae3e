// Meta's python-threatexchange: the file format (`<signal_type> <signal>` per line, e.g.
// `pdq f162…`) and the dataset CSV (`signal_type,signal_str,collab,category,tags`), whose
// category NEGATIVE_CLASS marks a known false positive.
import { readLines } from '../list-text.ts';
import { canonicalHashType, normaliseHash } from '../hash-types.ts';
import { problem, type RecordSource } from '../list-entry.ts';
import { parseColumns } from './columns.ts';

export const PYTX_DATASET_HEADER = /^\s*signal_type\s*,\s*signal_str\b/i;

export function parsePytxDataset(path: string): RecordSource {
  return parseColumns(path, {
    sep: ',',
    known: ['collab', 'category', 'tags', 'signal_type', 'signal_str'],
    typeAndValue: ['signal_type', 'signal_str'],
    describe: (row) => ({
      categoryId: null,
      negative: row['category']?.trim() === 'NEGATIVE_CLASS',
    }),
  });
}

export async function* parsePytxFile(path: string): RecordSource {
  for await (const { line, text } of readLines(path)) {
    const content = text.trim();
    if (!content || content.startsWith('#')) continue;
    const [spelled = '', ...words] = content.split(/\s+/);
    const type = canonicalHashType(spelled);
    if (!type) {
      yield problem(line, `signal type "${spelled}" is not a file hash Custody knows`);
      continue;
    }
    // A vPDQ signal is JSON and may hold spaces; every other signal is one word.
    const raw = type === 'vpdq' ? words.join(' ') : (words[0] ?? '');
    if (!raw || (type !== 'vpdq' && words.length > 1)) {
      yield problem(line, 'expected "<signal_type> <signal>"');
      continue;
    }
    const v = normaliseHash(type, raw);
    if (!v.ok) yield problem(line, v.reason);
    else
      yield {
        line,
        kind: 'entry',
        entry: { hashType: type, value: v.value, categoryId: null, negative: false },
      };
  }
}
