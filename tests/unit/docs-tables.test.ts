// Markdown tables in the docs render only when each starts with a header row and a delimiter row:
// rows split off by a blank line (docs/cli.md's ingest and item rows) show as raw text.
import { describe, it, expect } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const DELIMITER = /^\|(\s*:?-{3,}:?\s*\|)+\s*$/;

async function markdownFiles(): Promise<string[]> {
  const docs = await readdir(join(ROOT, 'docs'), { recursive: true });
  return [
    join(ROOT, 'README.md'),
    ...docs.filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f)),
  ];
}

/** Each run of table lines (outside code fences) whose second line is not a delimiter row. */
function brokenTables(text: string): string[] {
  const broken: string[] = [];
  const lines = text.split('\n');
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || !line.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    if (!DELIMITER.test(lines[i + 1] ?? '')) broken.push(`line ${i + 1}: ${line.slice(0, 60)}`);
  }
  return broken;
}

describe('markdown tables', () => {
  it('every table in README.md and docs/ has its header and delimiter rows', async () => {
    const problems: string[] = [];
    for (const file of await markdownFiles()) {
      for (const p of brokenTables(await readFile(file, 'utf8')))
        problems.push(`${relative(ROOT, file)} ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('finds a table split by a blank line', () => {
    const split = ['| a | b |', '| --- | --- |', '| 1 | 2 |', '', '| 3 | 4 |'].join('\n');
    expect(brokenTables(split)).toEqual(['line 5: | 3 | 4 |']);
  });
});
