// `npm install` runs on the machine's Node (20 here) and installs the project's own Node 24. The
// root package must not ask npm for a newer Node than installing needs (npm would warn about the
// project itself), and what it asks must be what the README promises.
import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const json = async (file: string) =>
  JSON.parse(await readFile(join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('install requirements', () => {
  it('the root asks for Node ≥ 20 and npm ≥ 10 to install, as the README says, and pins Node 24 to run', async () => {
    const pkg = await json('package.json');
    const lock = await json('package-lock.json');
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    // engines.node ">=24" made npm warn EBADENGINE about custody itself on Node 20.
    expect(pkg['engines']).toBeUndefined();
    expect(
      (lock['packages'] as Record<string, Record<string, unknown>>)['']?.['engines'],
    ).toBeUndefined();
    expect(pkg['devEngines']).toEqual({
      runtime: { name: 'node', version: '>=20', onFail: 'error' },
      packageManager: { name: 'npm', version: '>=10', onFail: 'error' },
    });
    expect(readme).toContain('`npm install` works with any Node ≥ 20 and npm ≥ 10');
    expect((pkg['devDependencies'] as Record<string, string>)['node']).toMatch(/^24\.\d+\.\d+$/);
  });
});
