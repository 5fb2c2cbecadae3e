// Project VIC VICS JSON: 1.2 and 1.3 (`odata.metadata`) and 2.0 (`@odata.context`), `value[]` of
// Media, or in 2.0 the case-shaped `value[].Media[]`. Real files start with a BOM, write booleans
// as strings and dates as .NET `/Date(ms)/`. The scheme matters: Category 0 meant "uncategorised"
// in the legacy CAT-0..5 scheme (1.x) and means "non-pertinent" in the US scheme (2.0).
import { readJson } from '../list-text.ts';
import { normaliseHash } from '../hash-types.ts';
import { problem, type ParsedRecord, type RecordSource } from '../list-entry.ts';
import { HashListRefusedError } from '../list-errors.ts';
import { asBoolean, asDate, asText, field, isRecord } from './json-records.ts';
import { basename } from 'node:path';

export type VicsScheme = 'vics-us' | 'dhs-cat';

export interface VicsHeader {
  version: '1.x' | '2.0';
  scheme: VicsScheme;
}

/** Which VICS version (and so which category scheme) a document is. */
export function vicsHeader(doc: Record<string, unknown>): VicsHeader | null {
  const context = doc['@odata.context'];
  if (typeof context === 'string') return { version: '2.0', scheme: 'vics-us' };
  const metadata = doc['odata.metadata'];
  if (typeof metadata === 'string') return { version: '1.x', scheme: 'dhs-cat' };
  return null;
}

/** A VICS Category in the file's scheme to a category id; null means uncategorised. */
export function vicsCategory(raw: unknown, scheme: VicsScheme): string | null | undefined {
  const text = asText(raw);
  if (text === '' || raw === null) return null;
  const n = Number(text);
  if (!Number.isInteger(n)) return undefined;
  if (scheme === 'vics-us') return n >= 0 && n <= 4 ? `vics-us:${n}` : undefined;
  if (n === 0) return null;
  return n >= 1 && n <= 5 ? `dhs-cat:CAT${n}` : undefined;
}

export async function* parseVics(path: string): RecordSource {
  const doc = await readJson(path);
  const header = isRecord(doc) ? vicsHeader(doc) : null;
  if (!isRecord(doc) || !header)
    throw new HashListRefusedError(
      basename(path),
      'no VICS header (odata.metadata or @odata.context)',
    );
  const value = doc['value'];
  if (!Array.isArray(value)) throw new HashListRefusedError(basename(path), 'no value[] array');
  // 2.0 nests Media inside case records; 1.x lists Media directly.
  const media = value.flatMap((v: unknown) =>
    isRecord(v) && Array.isArray(v['Media']) ? (v['Media'] as unknown[]) : [v],
  );
  for (const [i, m] of media.entries()) yield* mediaRecords(i + 1, m, header.scheme);
}

function* mediaRecords(line: number, m: unknown, scheme: VicsScheme): Generator<ParsedRecord> {
  if (!isRecord(m)) {
    yield problem(line, 'Media record is not an object');
    return;
  }
  const categoryId = vicsCategory(field(m, 'Category'), scheme);
  if (categoryId === undefined) {
    yield problem(
      line,
      `Category "${asText(field(m, 'Category'))}" is not in the ${scheme} scheme`,
    );
    return;
  }
  const updated = field(m, 'DateUpdated') ?? field(m, 'Updated');
  if (updated !== undefined && updated !== null && asDate(updated) === null)
    yield problem(line, `date "${asText(updated)}" is not a date (kept the hashes)`);
  const deleted = asBoolean(field(m, 'IsDeleted') ?? field(m, 'Deleted'));
  let any = false;
  for (const type of ['md5', 'sha1', 'pdq'] as const) {
    const raw = asText(field(m, type === 'pdq' ? 'PDQ' : type.toUpperCase()));
    if (!raw) continue;
    any = true;
    const v = normaliseHash(type, raw);
    if (!v.ok) yield problem(line, v.reason);
    else if (deleted) yield { line, kind: 'tombstone', hashType: type, value: v.value };
    else
      yield {
        line,
        kind: 'entry',
        entry: { hashType: type, value: v.value, categoryId, negative: false },
      };
  }
  if (!any) yield problem(line, `Media ${asText(field(m, 'MediaID'))} has no MD5, SHA1 or PDQ`);
}
