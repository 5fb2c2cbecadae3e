// Names from seized media reach the terminal: the real CLI on files whose names carry ANSI
// colour, an OSC title, a forged line and a right-to-left override must print inert bytes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../tests/helpers/temp.ts';
import { runCustody } from '../../tests/helpers/cli.ts';
import { fixture } from '../../tests/helpers/fixtures.ts';

const ESC = '\u001b';
const RLO = '\u202e';
const NAMES = {
  colour: `${ESC}[31mred${ESC}[0m.png`,
  title: `${ESC}]0;pwned\u0007.png`,
  forged: 'a.png\nOK      i_aaaaaaaaaaaaaaaa  clean.png',
  rtl: `rtl-${RLO}gnp.exe`,
};
const SHOWN = {
  colour: '\\x1b[31mred\\x1b[0m.png',
  title: '\\x1b]0;pwned\\x07.png',
  forged: 'a.png\\nOK      i_aaaaaaaaaaaaaaaa  clean.png',
  rtl: 'rtl-\\u{202E}gnp.exe',
};
const TITLE = `Case ${ESC}[2J${RLO}cba`;

/** Bytes a terminal would obey: C0 except the output's own LF, DEL, C1, and bidi controls. */
const OBEYED = new RegExp(
  String.raw`[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]`,
  'u',
);

let dir: string;
let cleanup: () => Promise<void>;
let base: string[];
let caseId: string;

async function custody(args: string[]) {
  const run = await runCustody([...args, ...base]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

beforeAll(async () => {
  ({ path: dir, cleanup } = await tempDir());
  const pf = join(dir, 'pass');
  await writeFile(pf, 'hostile names\n');
  base = ['--vault', join(dir, 'vault'), '--passphrase-file', pf];
  await custody(['init']);
  const created = await custody(['case', 'create', '--json', '--title', TITLE, '--kind', 'other']);
  caseId = (created.json as { id: string }).id;
  const sources = ['basn0g08.png', 'basn2c08.png', 'basn3p08.png', 'basn6a08.png'];
  await Promise.all(
    Object.values(NAMES).map((name, i) =>
      copyFile(fixture('pngsuite', sources[i] ?? ''), join(dir, name)),
    ),
  );
});
afterAll(() => cleanup());

describe('hostile names in human output', () => {
  it('ingest, item list, item show and case list print every name escaped, one line each', async () => {
    const ingest = await custody([
      'ingest',
      '--case',
      caseId,
      ...Object.values(NAMES).map((n) => join(dir, n)),
    ]);
    const list = await custody(['item', 'list', '--case', caseId]);
    const outputs = [ingest.stdout, ingest.stderr, list.stdout];
    for (const line of list.stdout.trimEnd().split('\n')) {
      const id = line.split(' ')[0] ?? '';
      outputs.push((await custody(['item', 'show', id])).stdout);
    }
    outputs.push((await custody(['case', 'list'])).stdout);

    for (const out of outputs) expect(out).not.toMatch(OBEYED);
    for (const shown of Object.values(SHOWN)) {
      expect(ingest.stdout).toContain(shown);
      expect(list.stdout).toContain(shown);
    }
    // Four items, four lines: the newline in a name forged none.
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(ingest.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(outputs.join('')).not.toMatch(/^OK {6}i_a{16}/m);
    expect(outputs.at(-1)).toContain('Case \\x1b[2J\\u{202E}cba');
  });

  it('a failed file and an error message are escaped too', async () => {
    const missing = `gone${ESC}[5m\n.png`;
    const r = await runCustody(['ingest', ...base, '--case', caseId, join(dir, missing)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAILED  ');
    expect(r.stdout).toContain('gone\\x1b[5m\\n.png');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    const bad = await runCustody(['item', 'show', `i_${ESC}[31m`, ...base]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr + bad.stdout).not.toMatch(OBEYED);
  });
});

describe('hostile names in --json', () => {
  it('bidi and C1 controls are JSON escapes; parsing gives the exact names', async () => {
    const r = await custody(['item', 'list', '--case', caseId, '--json']);
    expect(r.stdout).not.toMatch(OBEYED);
    expect(r.stdout).toContain('rtl-\\u202egnp.exe');
    const names = (r.json as { items: { originalName: string }[] }).items.map(
      (i) => i.originalName,
    );
    expect(names.sort()).toEqual(Object.values(NAMES).sort());
    const cases = await custody(['case', 'list', '--json']);
    expect(cases.stdout).not.toMatch(OBEYED);
    expect((cases.json as { title: string }[])[0]?.title).toBe(TITLE);
  });
});
