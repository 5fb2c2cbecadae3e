// CSV-shaped lists (plain CSV, ThreatExchange datasets, INTERPOL ICSE): columns are found by their
// header's name, case-insensitively; a header naming no hash column refuses the file.
import { readLines, splitCsv } from '../list-text.ts';
import { canonicalHashType, normaliseHash } from '../hash-types.ts';
import { problem, type ParsedRecord, type RecordSource } from '../list-entry.ts';
import { HashListRefusedError } from '../list-errors.ts';
import { basename } from 'node:path';

export interface ColumnRules {
  sep: string;
  /** Non-hash columns the format knows (read or deliberately ignored). */
  known: readonly string[];
  /** Turns a row's named non-hash fields into the entry's category and negative flag. */
  describe(row: Record<string, string>): { categoryId: string | null; negative: boolean };
  /** For the `signal_type,signal_str` shape: the hash type and value come from two columns. */
  typeAndValue?: readonly [string, string];
}

export async function* parseColumns(path: string, rules: ColumnRules): RecordSource {
  let header: string[] | null = null;
  let hashColumns: Array<[number, string]> = [];
  for await (const { line, text } of readLines(path)) {
    if (!text.trim() || text.startsWith('#')) continue;
    const fields = splitCsv(text, rules.sep);
    if (!fields) {
      yield problem(line, 'a quoted field is not closed');
      continue;
    }
    if (!header) {
      header = fields.map((f) => f.toLowerCase());
      const found = readHeader(path, line, header, rules);
      hashColumns = found.hashColumns;
      yield* found.problems;
      continue;
    }
    yield* rowRecords(line, header, fields, hashColumns, rules);
  }
}

function readHeader(
  path: string,
  line: number,
  header: string[],
  rules: ColumnRules,
): { hashColumns: Array<[number, string]>; problems: ParsedRecord[] } {
  const hashColumns: Array<[number, string]> = [];
  const problems: ParsedRecord[] = [];
  for (const [i, name] of header.entries()) {
    const type = rules.typeAndValue ? null : canonicalHashType(name);
    if (type) hashColumns.push([i, type]);
    else if (!rules.known.includes(name) && !rules.typeAndValue?.includes(name) && name !== '')
      problems.push(problem(line, `unknown column "${name}" ignored`));
  }
  const hasPair = rules.typeAndValue?.every((c) => header.includes(c)) ?? false;
  if (!hashColumns.length && !hasPair)
    throw new HashListRefusedError(basename(path), `line ${line}: the header names no hash column`);
  return { hashColumns, problems };
}

function* rowRecords(
  line: number,
  header: string[],
  fields: string[],
  hashColumns: Array<[number, string]>,
  rules: ColumnRules,
): Generator<ParsedRecord> {
  if (fields.length !== header.length) {
    yield problem(line, `${fields.length} fields, the header has ${header.length}`);
    return;
  }
  const row = Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
  const { categoryId, negative } = rules.describe(row);
  const pairs: Array<[string, string]> = rules.typeAndValue
    ? [[row[rules.typeAndValue[0]] ?? '', row[rules.typeAndValue[1]] ?? '']]
    : hashColumns.map(([i, type]) => [type, fields[i] ?? '']);
  let any = false;
  for (const [spelled, raw] of pairs) {
    if (!raw) continue;
    const type = rules.typeAndValue ? canonicalHashType(spelled) : spelled;
    if (!type) {
      yield problem(line, `signal type "${spelled}" is not a file hash Custody knows`);
      any = true;
      continue;
    }
    const v = normaliseHash(type, raw);
    any = true;
    if (!v.ok) yield problem(line, v.reason);
    else
      yield {
        line,
        kind: 'entry',
        entry: { hashType: type, value: v.value, categoryId, negative },
      };
  }
  if (!any) yield problem(line, 'no hash on this line');
}
