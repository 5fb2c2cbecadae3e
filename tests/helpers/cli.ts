// Runs the real `custody` binary on this Node (24): its exit status, output and JSON are a public interface.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './temp.ts';

export const CUSTODY_BIN = join(import.meta.dirname, '..', '..', 'bin', 'custody.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined for human output. */
  json: unknown;
}

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * The environment of a child `custody`: the runner's, except its locale. The CLI speaks the first
 * of LC_ALL, LC_MESSAGES and LANG that is set, so a developer's `LANG=ru_RU.UTF-8` would turn every
 * test's human output Russian: children get C.UTF-8 (English) unless the test names a locale
 * variable itself; then the runner's others are cleared, so the one the test gives is the one read.
 */
export function childEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const named = LOCALE_VARIABLES.some((v) => v in env);
  const locale = named
    ? { LC_ALL: '', LC_MESSAGES: '', LANG: '' }
    : { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
  return { ...process.env, ...locale, ...env };
}

export function runCustody(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CUSTODY_BIN, ...args],
      { env: childEnv(env) },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}

export interface CliVault {
  /** The temp folder holding the vault, its passphrase file and anything a test adds. */
  root: string;
  vault: string;
  /** --vault, --passphrase-file and --json, for every later run. */
  base: string[];
  caseId: string;
  cleanup: () => Promise<void>;
}

/** A vault made by `custody init`, with one case made by `custody case create`. */
export async function cliVaultWithCase(passphrase: string, title = 'T'): Promise<CliVault> {
  const t = await tempDir();
  const vault = join(t.path, 'vault');
  const pf = join(t.path, 'pass');
  await writeFile(pf, passphrase);
  const base = ['--vault', vault, '--passphrase-file', pf, '--json'];
  expect((await runCustody(['init', ...base])).code).toBe(0);
  const created = await runCustody([
    'case',
    'create',
    '--title',
    title,
    '--kind',
    'other',
    ...base,
  ]);
  return {
    root: t.path,
    vault,
    base,
    caseId: (created.json as { id: string }).id,
    cleanup: t.cleanup,
  };
}
