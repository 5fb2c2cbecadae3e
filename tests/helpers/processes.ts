// Real child processes for the concurrency tests: started, awaited by their output, never by sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CUSTODY_BIN, childEnv } from './cli.ts';

export const HOLD_VAULT_SCRIPT = join(import.meta.dirname, 'scripts', 'hold-vault.ts');

/** Resolves once `stream` has printed text matching `pattern`; rejects if the child exits first. */
export function waitForOutput(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  pattern: RegExp,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        child[stream]?.off('data', onData);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`exited (${code}) before printing ${pattern}: ${seen.slice(-500)}`));
    child[stream]?.on('data', onData);
    child.once('exit', onExit);
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A `custody` run kept as a process, for work that must overlap with other runs. */
export function spawnCustody(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [CUSTODY_BIN, ...args], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects everything a stream prints. */
export function collect(child: ChildProcess, stream: 'stdout' | 'stderr'): () => string {
  let text = '';
  child[stream]?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
}

/** Holds a vault's lock in another process, as the app ('app') or a reader ('read'). */
export async function holdVault(
  dir: string,
  role: 'app' | 'read',
  passphrase: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [HOLD_VAULT_SCRIPT, dir, role], {
    env: { ...process.env, CUSTODY_PASSPHRASE: passphrase },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await waitForOutput(child, 'stdout', /held\n/);
  return child;
}
