import { describe, expect, it } from 'vitest';
import {
  judge,
  parseAllowList,
  parseCsv,
  readReport,
  undocumented,
  type AllowEntry,
  type Finding,
} from './electronegativity.ts';

// As the scanner writes it (util/file.js writeIssues): header, then unquoted id and URL.
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n';
const WIKI = 'https://github.com/doyensec/electronegativity/wiki/';
const REPORT =
  HEADER +
  `CSP_GLOBAL_CHECK,"LOW","TENTATIVE","main/security.ts","113:2",N/A,"Failed to parse CSP, it may not be valid.",${WIKI}CSP_GLOBAL_CHECK\n` +
  `SANDBOX_JS_CHECK,"MEDIUM","FIRM","main/windows.ts","23:14","const win = new BrowserWindow({ title: ""a, b"" });","Use sandbox for untrusted origins",${WIKI}SANDBOX_JS_CHECK\n` +
  `PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"Missing PermissionRequestHandler",${WIKI}PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK\n`;

function finding(overrides: Partial<Finding>): Finding {
  return {
    id: 'SANDBOX_JS_CHECK',
    file: 'electron/main/windows.ts',
    location: '23:14',
    sample: 'const win = new BrowserWindow(options);',
    severity: 'MEDIUM',
    description: 'Use sandbox for untrusted origins',
    ...overrides,
  };
}

const why = 'webPreferences come whole from security.ts, asserted by its tests.';

describe('readReport', () => {
  it('reads findings with repository paths, quoted commas and quotes, and global ones', () => {
    expect(readReport(REPORT, 'electron')).toEqual([
      {
        id: 'CSP_GLOBAL_CHECK',
        file: 'electron/main/security.ts',
        location: '113:2',
        sample: null,
        severity: 'LOW',
        description: 'Failed to parse CSP, it may not be valid.',
      },
      finding({ sample: 'const win = new BrowserWindow({ title: "a, b" });' }),
      {
        id: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        file: 'electron',
        location: '0:0',
        sample: null,
        severity: 'MEDIUM',
        description: 'Missing PermissionRequestHandler',
      },
    ]);
  });

  it('reads a report with no findings as none', () => {
    expect(readReport(HEADER, 'renderer')).toEqual([]);
  });

  it('refuses a report that is empty, cut short or interleaved', () => {
    const rows = REPORT.split('\n');
    for (const broken of [
      '',
      REPORT.slice(HEADER.length),
      REPORT.slice(0, REPORT.length - 40),
      // The header written over the start of the rows (the scanner's two unordered writes).
      HEADER + REPORT.slice(HEADER.length * 2),
      [rows[0], rows[2], rows[1]?.slice(0, 30)].join('\n'),
    ]) {
      expect(() => readReport(broken, 'electron'), broken).toThrow();
    }
  });

  it('keeps line breaks inside quoted fields', () => {
    expect(parseCsv('a,"b\nc",d\r\ne,f,g\n')).toEqual([
      ['a', 'b\nc', 'd'],
      ['e', 'f', 'g'],
    ]);
    expect(() => parseCsv('a,"b')).toThrow(/unterminated/);
  });
});

describe('parseAllowList', () => {
  it('reads entries with their optional pins', () => {
    const json = JSON.stringify({
      findings: [
        { id: 'SANDBOX_JS_CHECK', file: 'electron/main/windows.ts', justification: why },
        {
          id: 'CSP_GLOBAL_CHECK',
          file: 'renderer',
          description: 'No CSP has been detected in the target application',
          justification: why,
        },
      ],
    });
    expect(parseAllowList(json)).toEqual([
      { id: 'SANDBOX_JS_CHECK', file: 'electron/main/windows.ts', justification: why },
      {
        id: 'CSP_GLOBAL_CHECK',
        file: 'renderer',
        description: 'No CSP has been detected in the target application',
        justification: why,
      },
    ]);
  });

  it('refuses entries without a one-line reason, with unknown keys, or repeated', () => {
    const entry = { id: 'SANDBOX_JS_CHECK', file: 'electron/main/windows.ts', justification: why };
    for (const findings of [
      [{ ...entry, justification: '' }],
      [{ ...entry, justification: `${why}\nand more` }],
      [{ ...entry, line: 23 }],
      [{ ...entry, id: 'sandbox' }],
      [entry, { ...entry }],
    ]) {
      expect(
        () => parseAllowList(JSON.stringify({ findings })),
        JSON.stringify(findings),
      ).toThrow();
    }
    expect(() => parseAllowList('[]')).toThrow(/findings/);
  });
});

describe('judge', () => {
  const allow: AllowEntry[] = [
    {
      id: 'SANDBOX_JS_CHECK',
      file: 'electron/main/windows.ts',
      sample: 'const win = new BrowserWindow(options);',
      justification: why,
    },
    {
      id: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      file: 'renderer',
      justification: why,
    },
    {
      id: 'CSP_GLOBAL_CHECK',
      file: 'electron/main/security.ts',
      description: 'Failed to parse CSP, it may not be valid.',
      justification: why,
    },
  ];
  const permissionGlobal = finding({
    id: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    file: 'renderer',
    sample: null,
  });
  const unparsedCsp = finding({
    id: 'CSP_GLOBAL_CHECK',
    file: 'electron/main/security.ts',
    sample: null,
    description: 'Failed to parse CSP, it may not be valid.',
  });

  it('passes exactly the listed findings', () => {
    const findings = [finding({}), permissionGlobal, unparsedCsp];
    expect(judge(findings, allow)).toEqual({ allowed: findings, unexpected: [], stale: [] });
  });

  it('fails a finding on another line, in another scan, or with another verdict', () => {
    const elsewhere = finding({ sample: 'const w = new BrowserWindow({ sandbox: false });' });
    const mainGlobal = { ...permissionGlobal, file: 'electron' };
    const weakCsp = {
      ...unparsedCsp,
      description: 'One or more CSP directives detected are vulnerable',
    };
    const verdict = judge([finding({}), elsewhere, mainGlobal, weakCsp], allow);
    expect(verdict.unexpected).toEqual([elsewhere, mainGlobal, weakCsp]);
  });

  it('names allowed findings that no longer occur', () => {
    expect(judge([finding({})], allow).stale).toEqual([allow[1], allow[2]]);
  });
});

describe('undocumented', () => {
  it('names entries the justifications page does not mention', () => {
    const entries: AllowEntry[] = [
      { id: 'SANDBOX_JS_CHECK', file: 'electron/main/windows.ts', justification: why },
      { id: 'AUXCLICK_JS_CHECK', file: 'electron/main/windows.ts', justification: why },
    ];
    const page = '| `SANDBOX_JS_CHECK` | `electron/main/windows.ts` | ... |';
    expect(undocumented(entries, page)).toEqual([entries[1]]);
  });
});
