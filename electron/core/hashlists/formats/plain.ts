// One hash per line (MD5, SHA-1, SHA-256 or PDQ hex); `#` starts a comment; anything after the
// first space, tab or comma (a PDQ quality, a file name) is ignored.
import { readLines } from '../list-text.ts';
import { normaliseHash } from '../hash-types.ts';
import { problem, type RecordSource } from '../list-entry.ts';

export async function* parsePlain(path: string, hashType: string): RecordSource {
  for await (const { line, text } of readLines(path)) {
    const content = text.replace(/#.*$/, '').trim();
    if (!content) continue;
    const token = content.split(/[\s,]/, 1)[0] ?? '';
    const v = normaliseHash(hashType, token);
    if (!v.ok) yield problem(line, v.reason);
    else
      yield {
        line,
        kind: 'entry',
        entry: { hashType, value: v.value, categoryId: null, negative: false },
      };
  }
}
