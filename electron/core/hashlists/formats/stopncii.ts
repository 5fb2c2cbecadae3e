// StopNCII hash exports: records with `signalType`, `hashValue` and `hashStatus`; a hash whose
// status is Withdrawn or Deleted is a tombstone (its owner took it back).
import { readJson } from '../list-text.ts';
import { canonicalHashType, normaliseHash } from '../hash-types.ts';
import { problem, type RecordSource } from '../list-entry.ts';
import { HashListRefusedError } from '../list-errors.ts';
import { asText, field, isRecord, recordArray } from './json-records.ts';
import { basename } from 'node:path';

const GONE = new Set(['withdrawn', 'deleted']);

export async function* parseStopNcii(path: string): RecordSource {
  const records = recordArray(await readJson(path), [
    'hashRecords',
    'hashes',
    'data',
    'items',
    'value',
  ]);
  if (!records) throw new HashListRefusedError(basename(path), 'no array of hash records');
  for (const [i, r] of records.entries()) {
    const line = i + 1;
    if (!isRecord(r)) {
      yield problem(line, 'record is not an object');
      continue;
    }
    const type = canonicalHashType(asText(field(r, 'signalType')));
    if (!type) {
      yield problem(
        line,
        `signalType "${asText(field(r, 'signalType'))}" is not a hash Custody knows`,
      );
      continue;
    }
    const v = normaliseHash(type, asText(field(r, 'hashValue')));
    if (!v.ok) {
      yield problem(line, v.reason);
      continue;
    }
    if (GONE.has(asText(field(r, 'hashStatus')).toLowerCase()))
      yield { line, kind: 'tombstone', hashType: type, value: v.value };
    else
      yield {
        line,
        kind: 'entry',
        entry: { hashType: type, value: v.value, categoryId: null, negative: false },
      };
  }
}
