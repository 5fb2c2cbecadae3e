// vault.json is the vault's one plaintext file and is read before any key is derived: the real
// `custody` binary refuses KDF parameters that would hang it, and never makes a weak vault by
// accident outside the test runner.
import { describe, it, expect, afterEach } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../../tests/helpers/temp.ts';
import { CUSTODY_BIN, runCustody } from '../../tests/helpers/cli.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function vault() {
  const t = await tempDir();
  cleanups.push(t.cleanup);
  const dir = join(t.path, 'vault');
  const pf = join(t.path, 'pass');
  await writeFile(pf, 'header passphrase');
  return { dir, base: ['--vault', dir, '--passphrase-file', pf, '--json'] };
}

interface Header {
  kdf: { memoryKiB: number; iterations: number };
}
const headerOf = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as Header;

describe('vault.json KDF parameters', () => {
  it.each([
    ['memoryKiB', 64 * 1024 * 1024],
    ['iterations', 200_000],
  ] as const)('refuses %s = %i at once: exit 2 naming vault.json', async (name, value) => {
    const { dir, base } = await vault();
    expect((await runCustody(['init', ...base])).code).toBe(0);
    const header = await headerOf(dir);
    header.kdf[name] = value;
    await writeFile(join(dir, 'vault.json'), JSON.stringify(header));
    const run = await runCustody(['case', 'list', ...base]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.json).toMatchObject({ error: { code: 'VAULT_CORRUPT' } });
    expect(run.stderr).toContain(`${join(dir, 'vault.json')} is refused: its Argon2id ${name}`);
  });

  it('CUSTODY_TEST_WEAK_KDF outside the test runner still makes the full-strength vault', async () => {
    const { dir, base } = await vault();
    const env: NodeJS.ProcessEnv = { ...process.env, CUSTODY_TEST_WEAK_KDF: '1' };
    delete env['VITEST'];
    const code = await new Promise<number | null>((resolve) =>
      execFile(process.execPath, [CUSTODY_BIN, 'init', ...base], { env }, (err) =>
        resolve(err ? (typeof err.code === 'number' ? err.code : -1) : 0),
      ),
    );
    expect(code).toBe(0);
    expect((await headerOf(dir)).kdf).toMatchObject({ memoryKiB: 262144, iterations: 3 });
  });
});
