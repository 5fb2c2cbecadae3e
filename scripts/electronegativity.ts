// `npm run lint:electronegativity`: Electronegativity (Doyensec's Electron security scanner) over
// electron/ and renderer/, failing on any finding that build/electronegativity-allow.json does not
// list, and on any listed finding that no longer occurs. Why each listed one is acceptable:
// build/electronegativity-justifications.md.
//
// The scanner runs in a child Node with DNS lookups refused. Offline is what this project wants of
// its tools anyway, and it is also what lets the scanner finish: its translation download goes
// through got, whose retry on a network error throws from a timer ("The `onCancel` handler was
// attached after the promise settled") and kills the process, possibly before or in the middle of
// writing the report. An error code got does not retry ends that request at once. So here the
// scanner exits 0 once its report is fully written, and anything else is a failed run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, sep } from 'node:path';
import { electronVersion } from './electron-binary.ts';

const ROOT = join(import.meta.dirname, '..');
const ALLOW_FILE = 'build/electronegativity-allow.json';
const JUSTIFICATIONS_FILE = 'build/electronegativity-justifications.md';
/** The folders scanned, each on its own (the scanner takes one input). */
export const SCANS = ['electron', 'renderer'] as const;
const CSV_HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const WIKI = 'https://github.com/doyensec/electronegativity/wiki/';

const OFFLINE = `import dns from 'node:dns';
dns.lookup = (host, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(done, Object.assign(new Error('offline: ' + host), { code: 'EOFFLINE' }));
};`;

export interface Finding {
  id: string;
  /** Repository-relative; a global finding (file N/A) is keyed by the scanned folder. */
  file: string;
  /** line:column, for people; lines move, so it is not part of a match. */
  location: string;
  /** The flagged source line (or CSP), or null. */
  sample: string | null;
  severity: string;
  description: string;
}

export interface AllowEntry {
  id: string;
  file: string;
  /** When given, the finding's sample must equal it: pins the entry to one source line. */
  sample?: string;
  /** When given, the finding's description must equal it: one check id covers several verdicts
   * (CSP_GLOBAL_CHECK: no CSP, unparsable, weak, maybe weak). */
  description?: string;
  justification: string;
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The scanner's CSV report as findings, refusing anything malformed: a report cut short or
 * interleaved must fail the run, never pass as "no findings". (The scanner writes the header and
 * the rows with two unordered writes; rows lost to that race leave allowed entries stale, which
 * also fails, as long as each scan has an allowed finding.)
 */
export function readReport(csv: string, scan: string): Finding[] {
  const [header, ...rows] = parseCsv(csv);
  if (header?.map((name) => name.trim()).join(', ') !== CSV_HEADER) {
    throw new Error('the report does not start with the scanner’s CSV header');
  }
  return rows.map((row, index) => {
    const [id, severity, , filename, location, sample, description, url] = row;
    if (
      row.length !== 8 ||
      id === undefined ||
      !/^[A-Z0-9_]+$/.test(id) ||
      url !== `${WIKI}${id}` ||
      filename === undefined ||
      location === undefined ||
      severity === undefined ||
      description === undefined
    ) {
      throw new Error(`report row ${index + 2} is malformed`);
    }
    const file = filename === 'N/A' ? scan : posix.join(scan, filename.split(sep).join(posix.sep));
    return {
      id,
      file,
      location,
      sample: sample === undefined || sample === 'N/A' ? null : sample,
      severity,
      description,
    };
  });
}

/** The allow-list, checked for shape: each entry names a check, a file and one line of why. */
export function parseAllowList(json: string): AllowEntry[] {
  const data: unknown = JSON.parse(json);
  const list: unknown =
    typeof data === 'object' && data !== null ? Reflect.get(data, 'findings') : null;
  if (!Array.isArray(list)) throw new Error('expected { "findings": [ ... ] }');
  const seen = new Set<string>();
  return list.map((entry: unknown, index) => {
    const where = `findings[${index}]`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${where} is not an object`);
    const { id, file, sample, description, justification, ...rest } = entry as Record<
      string,
      unknown
    >;
    if (Object.keys(rest).length > 0) throw new Error(`${where} has unknown keys`);
    if (typeof id !== 'string' || !/^[A-Z0-9_]+$/.test(id)) throw new Error(`${where}.id`);
    if (typeof file !== 'string' || file === '') throw new Error(`${where}.file`);
    if (sample !== undefined && typeof sample !== 'string') throw new Error(`${where}.sample`);
    if (description !== undefined && typeof description !== 'string') {
      throw new Error(`${where}.description`);
    }
    if (typeof justification !== 'string' || !/^[^\n]{20,300}$/.test(justification)) {
      throw new Error(`${where}.justification must be one line of 20 to 300 characters`);
    }
    const key = JSON.stringify([id, file, sample, description]);
    if (seen.has(key)) throw new Error(`${where} repeats an earlier entry`);
    seen.add(key);
    return {
      id,
      file,
      justification,
      ...(sample === undefined ? {} : { sample }),
      ...(description === undefined ? {} : { description }),
    };
  });
}

export interface Verdict {
  allowed: Finding[];
  unexpected: Finding[];
  /** Entries no finding used: the code changed, so the entry goes (or is re-justified). */
  stale: AllowEntry[];
}

export function judge(findings: readonly Finding[], allow: readonly AllowEntry[]): Verdict {
  const used = new Set<AllowEntry>();
  const allowed: Finding[] = [];
  const unexpected: Finding[] = [];
  for (const finding of findings) {
    const entry = allow.find(
      (e) =>
        e.id === finding.id &&
        e.file === finding.file &&
        (e.sample === undefined || e.sample === finding.sample) &&
        (e.description === undefined || e.description === finding.description),
    );
    if (entry) {
      used.add(entry);
      allowed.push(finding);
    } else unexpected.push(finding);
  }
  return { allowed, unexpected, stale: allow.filter((e) => !used.has(e)) };
}

/** Entries the justifications document does not mention by check and file. */
export function undocumented(allow: readonly AllowEntry[], justifications: string): AllowEntry[] {
  return allow.filter((e) => !justifications.includes(e.id) || !justifications.includes(e.file));
}

function scannerCli(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@doyensec/electronegativity/package.json');
  return join(dirname(pkg), 'dist', 'index.js');
}

/**
 * The scanner writes its CSV header and rows with two unordered async writes, so on a busy machine
 * a report can come out garbled. A report that does not parse is retaken, up to three times.
 */
function scan(folder: string, workDir: string): Finding[] {
  for (let attempt = 1; ; attempt++) {
    try {
      return scanOnce(folder, workDir);
    } catch (e) {
      if (attempt >= 3 || !(e instanceof ReportParseError)) throw e;
    }
  }
}

class ReportParseError extends Error {}

/** Runs the scanner over one folder; throws with a reason when it produced no complete report. */
function scanOnce(folder: string, workDir: string): Finding[] {
  const csv = join(workDir, `${folder}.csv`);
  const args = [
    '--import',
    `data:text/javascript,${encodeURIComponent(OFFLINE)}`,
    scannerCli(),
    ...['-i', folder, '-r', '-e', electronVersion(), '-o', csv],
    // It compares the version with release data fetched from the network: nothing to fetch
    // offline, and version currency is checklist item 16. The scanner knows global checks by
    // class name only (the ID form makes it exit with "error in your custom checks list").
    ...['-x', 'AvailableSecurityFixesGlobalCheck'],
  ];
  const run = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    // Stable check descriptions: the scanner picks its language from LANG.
    env: { ...process.env, LANG: 'en-US' },
  });
  if (run.error || run.status !== 0) {
    const how = run.error ? run.error.message : `exit ${String(run.status ?? run.signal)}`;
    const said = `${run.stdout}${run.stderr}`.trim().split('\n').slice(-5).join('\n');
    throw new Error(`Electronegativity failed on ${folder}/ (${how}):\n${said}`);
  }
  if (!existsSync(csv)) {
    throw new Error(`Electronegativity wrote no report for ${folder}/: the scan did not run.`);
  }
  try {
    return readReport(readFileSync(csv, 'utf8'), folder);
  } catch (e) {
    throw new ReportParseError(
      `Electronegativity's report for ${folder}/ is garbled: ${(e as Error).message}`,
    );
  } finally {
    rmSync(csv, { force: true });
  }
}

function show(finding: Finding): string {
  const sample = finding.sample === null ? '' : `\n      ${finding.sample.slice(0, 160)}`;
  const { id, file, location, severity, description } = finding;
  return `  ${id} ${file} ${location} (${severity}): ${description}${sample}`;
}

function main(): number {
  const allow = parseAllowList(readFileSync(join(ROOT, ALLOW_FILE), 'utf8'));
  const missing = undocumented(allow, readFileSync(join(ROOT, JUSTIFICATIONS_FILE), 'utf8'));
  const workDir = mkdtempSync(join(tmpdir(), 'custody-electronegativity-'));
  let findings: Finding[];
  try {
    findings = SCANS.flatMap((folder) => scan(folder, workDir));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const { allowed, unexpected, stale } = judge(findings, allow);
  console.log(`Electronegativity: ${findings.length} findings in ${SCANS.join('/, ')}/.`);
  if (allowed.length > 0) console.log(`${allowed.length} allowed (${ALLOW_FILE}).`);
  for (const finding of unexpected) console.error(`Not allowed:\n${show(finding)}`);
  for (const e of stale) console.error(`Allowed but no longer found, remove it: ${e.id} ${e.file}`);
  for (const e of missing)
    console.error(`Not explained in ${JUSTIFICATIONS_FILE}: ${e.id} ${e.file}`);
  const failed = unexpected.length + stale.length + missing.length > 0;
  if (!failed) console.log('No finding outside the allow-list.');
  return failed ? 1 : 0;
}

if (import.meta.main) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
