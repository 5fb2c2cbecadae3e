// Runs the real `custody` binary on this Node (24): its exit status, output and JSON are a public interface.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const CUSTODY_BIN = join(import.meta.dirname, '..', '..', 'bin', 'custody.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, or undefined for human output. */
  json: unknown;
}

export function runCustody(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CUSTODY_BIN, ...args],
      { env: { ...process.env, ...env } },
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
