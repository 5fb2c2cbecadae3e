// NCMEC hash-sharing XML: `images/image` and `videos/video`, each with `fingerprints` (md5, sha1,
// pdq, pdna, …) and a `classification` (industry A1..B2); `deletedImage` / `deletedVideo` are
// tombstones. Parsed as a stream by saxes (no DTD, no external entities are ever fetched).
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { SaxesParser } from 'saxes';
import { canonicalHashType, normaliseHash } from '../hash-types.ts';
import { problem, type ParsedRecord, type RecordSource } from '../list-entry.ts';
import { HashListRefusedError } from '../list-errors.ts';

const RECORDS = new Set(['image', 'video', 'deletedImage', 'deletedVideo']);
const INDUSTRY = /^[AB][12]$/;

interface Open {
  line: number;
  tombstone: boolean;
  hashes: Array<[string, string]>;
  classification: string;
}

export async function* parseNcmec(path: string): RecordSource {
  const parser = new SaxesParser({ position: true });
  const out: ParsedRecord[] = [];
  const stack: string[] = [];
  let current: Open | null = null;
  let text = '';
  let sawRecordParent = false;
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
    if (tag.name === 'images' || tag.name === 'videos') sawRecordParent = true;
    if (RECORDS.has(tag.name) && !current)
      current = {
        line: parser.line,
        tombstone: tag.name.startsWith('deleted'),
        hashes: [],
        classification: '',
      };
  });
  parser.on('text', (t) => (text += t));
  parser.on('closetag', (tag) => {
    stack.pop();
    if (!current) return;
    if (stack.at(-1) === 'fingerprints') current.hashes.push([tag.name, text.trim()]);
    else if (tag.name === 'classification') current.classification = text.trim();
    else if (RECORDS.has(tag.name)) {
      out.push(...recordsOf(current));
      current = null;
    }
    text = '';
  });
  let failure: Error | null = null;
  parser.on('error', (e) => (failure ??= e));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }).replace(/^\uFEFF/, ''));
      if (failure) break;
      yield* out.splice(0);
    }
    if (!failure) parser.close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure)
    throw new HashListRefusedError(basename(path), `not well-formed XML (${failure.message})`);
  if (!sawRecordParent)
    throw new HashListRefusedError(basename(path), 'no images or videos element');
  yield* out;
}

function recordsOf(r: Open): ParsedRecord[] {
  const out: ParsedRecord[] = [];
  const categoryId = INDUSTRY.test(r.classification) ? `industry:${r.classification}` : null;
  if (r.classification && !categoryId && !r.tombstone)
    out.push(
      problem(
        r.line,
        `classification "${r.classification}" is not A1, A2, B1 or B2 (kept the hashes)`,
      ),
    );
  for (const [name, raw] of r.hashes) {
    const type = canonicalHashType(name);
    if (!type) {
      out.push(problem(r.line, `fingerprint type "${name}" is not one Custody knows`));
      continue;
    }
    const v = normaliseHash(type, raw);
    if (!v.ok) out.push(problem(r.line, v.reason));
    else if (r.tombstone)
      out.push({ line: r.line, kind: 'tombstone', hashType: type, value: v.value });
    else
      out.push({
        line: r.line,
        kind: 'entry',
        entry: { hashType: type, value: v.value, categoryId, negative: false },
      });
  }
  if (!r.hashes.length) out.push(problem(r.line, 'no fingerprints'));
  return out;
}
