// Tech Against Terrorism's TCAP hash exports: `hash_digest`, `algorithm`, `ideology`, `deleted`.
// Every entry is terrorist content, so it carries custody:terrorism; a deleted one is a tombstone.
import { readJson } from '../list-text.ts';
import { canonicalHashType, normaliseHash } from '../hash-types.ts';
import { problem, type RecordSource } from '../list-entry.ts';
import { HashListRefusedError } from '../list-errors.ts';
import { asBoolean, asText, field, isRecord, recordArray } from './json-records.ts';
import { basename } from 'node:path';

export async function* parseTcap(path: string): RecordSource {
  const records = recordArray(await readJson(path), ['results', 'hashes', 'data', 'items']);
  if (!records) throw new HashListRefusedError(basename(path), 'no array of hash records');
  for (const [i, r] of records.entries()) {
    const line = i + 1;
    if (!isRecord(r)) {
      yield problem(line, 'record is not an object');
      continue;
    }
    const spelled = asText(field(r, 'algorithm'));
    const type = canonicalHashType(spelled);
    if (!type) {
      yield problem(line, `algorithm "${spelled}" is not a hash Custody knows`);
      continue;
    }
    const v = normaliseHash(type, asText(field(r, 'hash_digest')));
    if (!v.ok) yield problem(line, v.reason);
    else if (asBoolean(field(r, 'deleted')))
      yield { line, kind: 'tombstone', hashType: type, value: v.value };
    else
      yield {
        line,
        kind: 'entry',
        entry: { hashType: type, value: v.value, categoryId: 'custody:terrorism', negative: false },
      };
  }
}
