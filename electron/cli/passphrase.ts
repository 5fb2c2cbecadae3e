// The passphrase comes from --passphrase-file, CUSTODY_PASSPHRASE, or a prompt on the terminal,
// in that order. It is never taken from a command-line argument, which other users can read.
import { readFile } from 'node:fs/promises';
import { UsageError } from './exit.ts';
import { takeSecretEnv } from '../core/child-env.ts';

// Taken out of the environment as soon as the command line loads, before anything can start a
// child process (decode workers, Chromium) that would inherit it.
const envPassphrase = takeSecretEnv('CUSTODY_PASSPHRASE');

/** Whether the passphrase came in CUSTODY_PASSPHRASE (then `init` does not ask twice). */
export function hasEnvPassphrase(): boolean {
  return envPassphrase !== undefined;
}

export interface PassphraseSource {
  passphraseFile?: string | undefined;
}

/** A passphrase file's text; `what` names the file in the error ("passphrase", "packet passphrase"). */
export async function readPassphraseFile(file: string, what = 'passphrase'): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the ${what} file ${file}.`);
  }
  // One trailing newline is the file's, not the passphrase's.
  return text.replace(/\r?\n$/, '');
}

export async function readPassphrase(src: PassphraseSource, prompt: string): Promise<string> {
  if (src.passphraseFile) return readPassphraseFile(src.passphraseFile);
  if (envPassphrase !== undefined) return envPassphrase;
  if (!process.stdin.isTTY) {
    throw new UsageError(
      'No passphrase: use --passphrase-file FILE, CUSTODY_PASSPHRASE, or run in a terminal.',
    );
  }
  return promptHidden(prompt);
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(new UsageError('Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
