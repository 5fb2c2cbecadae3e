// Written evidence (issue 11), each against a baseline of the same run:
// - search: p50/p95 of search:query's core over a case of 10,000 indexed documents (20 lines
//   each, Russian, Arabic, Farsi and English words), inside the encrypted database. Aim p95 < 100 ms.
// - textExtract / emailExtract: MB/s of the plain-text (windows-1251, detection included) and
//   e-mail extractors in process, over the same 16 MiB of text.
// - zipUnpack vs bareUnzip: the ZIP extractor (limits, names, children in memory) against Debian's
//   `unzip -p` of the same archive to /dev/null.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { randomBytes } from 'node:crypto';
import { CustodyCore } from '../electron/core/core.ts';
import { createCase } from '../electron/core/cases/case.service.ts';
import { insertIndexedLines, textLines } from '../electron/core/search/search-index.queries.ts';
import { searchCase } from '../electron/core/search/search.service.ts';
import { extractText } from '../electron/core/extract/text/text.extractor.ts';
import { extractEmail } from '../electron/core/extract/email/email.extractor.ts';
import { extractZip } from '../electron/core/extract/archive/zip.extractor.ts';
import { DEFAULT_LIMITS } from '../electron/core/extract/extract-result.ts';
import { round, timed } from './measure.ts';
import { tempDir } from '../tests/helpers/temp.ts';

const DOCS = 10_000;
const WORDS = [
  'угроза',
  'завтра',
  'город',
  'семья',
  'رسالة',
  'المدينة',
  'عائلتك',
  'تهدید',
  'شهر',
  'خانواده',
  'threat',
  'tomorrow',
  'posting',
  'city',
  'family',
  'address',
  'school',
  'video',
  'найдём',
  'پیدا',
];
const word = (i: number) => WORDS[i % WORDS.length] ?? 'x';

function percentile(sorted: number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN, 2);
}

async function searchBench(): Promise<Record<string, unknown>> {
  const t = await tempDir('custody-bench-search-');
  const core = new CustodyCore(t.path);
  try {
    await core.create('bench passphrase for search');
    const vault = core.vault();
    const caseId = createCase(vault, { title: 'Bench', kind: 'other' }).id;
    vault.db.transaction(() => {
      for (let d = 0; d < DOCS; d++) {
        const text = Array.from({ length: 20 }, (_, l) =>
          Array.from({ length: 12 }, (_, w) => `${word(d * 7 + l * 3 + w)}${(d + w) % 97}`).join(
            ' ',
          ),
        ).join('\n');
        insertIndexedLines(vault.db, caseId, `i_bench${d}`, [
          { field: 'name', line: null, raw: `doc-${d}.txt` },
          ...textLines(text),
        ]);
      }
    })();
    const times: number[] = [];
    for (let q = 0; q < 200; q++) {
      const query = q % 2 === 0 ? word(q) : `${word(q)} ${word(q + 5)}`;
      const start = performance.now();
      searchCase(vault, caseId, query, () => false, 200);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 0.95);
    return {
      documents: DOCS,
      lines: DOCS * 21,
      queries: times.length,
      p50Ms: percentile(times, 0.5),
      p95Ms: p95,
      aimP95Ms: 100,
      aimMet: p95 < 100,
    };
  } finally {
    await core.close();
    await t.cleanup();
  }
}

const MB = 1024 * 1024;
const TEXT_BYTES = 16 * MB;

async function extractBench(): Promise<Record<string, unknown>> {
  const line = 'Это прямая угроза: мы найдём тебя завтра в городе, если ты не прекратишь писать.\n';
  const text = line.repeat(Math.ceil(TEXT_BYTES / Buffer.byteLength(line)));
  const cp1251 = iconv.encode(text, 'windows-1251');
  const eml = Buffer.from(
    `From: a@example.org\r\nTo: b@example.net\r\nSubject: bench\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n`,
  );
  const textMs = await timed(() => extractText({ bytes: cp1251, name: 'a.txt' }, DEFAULT_LIMITS));
  const emailMs = await timed(() => extractEmail({ bytes: eml, name: 'a.eml' }, DEFAULT_LIMITS));
  return {
    textMBps: round(cp1251.length / MB / (textMs / 1000), 1),
    emailMBps: round(eml.length / MB / (emailMs / 1000), 1),
  };
}

function zipOf(entries: [string, Buffer][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function zipBench(): Promise<Record<string, unknown>> {
  // Half compressible text, half random bytes, in 64 members.
  const members: [string, Buffer][] = Array.from({ length: 64 }, (_, i) => [
    `m/${i}.bin`,
    i % 2 === 0 ? Buffer.from('угроза завтра threat tomorrow '.repeat(40_000)) : randomBytes(MB),
  ]);
  const zip = await zipOf(members);
  const unpacked = members.reduce((n, [, b]) => n + b.length, 0);
  const t = await tempDir('custody-bench-zip-');
  try {
    const path = join(t.path, 'a.zip');
    writeFileSync(path, zip);
    const oursMs = await timed(() => extractZip({ bytes: zip, name: 'a.zip' }, DEFAULT_LIMITS));
    const bareMs = await timed(() => execFileSync('unzip', ['-p', path], { maxBuffer: 1024 * MB }));
    return {
      unpackedMB: round(unpacked / MB, 1),
      zipUnpackMBps: round(unpacked / MB / (oursMs / 1000), 1),
      bareUnzipMBps: round(unpacked / MB / (bareMs / 1000), 1),
    };
  } finally {
    await t.cleanup();
  }
}

export default async function written(): Promise<Record<string, unknown>> {
  return { search: await searchBench(), extract: await extractBench(), archive: await zipBench() };
}
