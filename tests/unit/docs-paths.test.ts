// The docs name real files: architecture.md walks through the tree by path, and the tree moves.
// Every backticked repository path in README.md and docs/ must exist.
import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const ROOTS = [
  'electron/',
  'renderer/',
  'shared/',
  'tests/',
  'docs/',
  'lint/',
  'scripts/',
  'bench/',
  'build/',
];
/** `electron/core/vault/vault.ts`, `renderer/base/`: a path from the repository root, no pattern. */
const PATH =
  /`((?:electron|renderer|shared|tests|docs|lint|scripts|bench|build)\/[A-Za-z0-9_./-]*)`/g;

async function markdownFiles(): Promise<string[]> {
  const docs = await readdir(join(ROOT, 'docs'), { recursive: true });
  return [
    join(ROOT, 'README.md'),
    ...docs.filter((f) => f.endsWith('.md')).map((f) => join(ROOT, 'docs', f)),
  ];
}

/** The repository paths `text` names that are not in the tree. */
function missingPaths(text: string, exists: (path: string) => boolean): string[] {
  return [...text.matchAll(PATH)]
    .map((m) => m[1] ?? '')
    .filter((p) => ROOTS.some((r) => p.startsWith(r)) && !p.includes('**') && !exists(p));
}

describe('paths in the docs', () => {
  it('every repository path named in README.md and docs/ exists', async () => {
    const problems: string[] = [];
    for (const file of await markdownFiles()) {
      const text = await readFile(file, 'utf8');
      for (const p of missingPaths(text, (path) => existsSync(join(ROOT, path))))
        problems.push(`${relative(ROOT, file)}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('catches a file that moved', () => {
    const text =
      'hashes in `electron/core/ingest/hashes.ts`, the vault in `electron/core/vault/vault.ts`';
    expect(missingPaths(text, (p) => existsSync(join(ROOT, p)))).toEqual([
      'electron/core/ingest/hashes.ts',
    ]);
  });
});
