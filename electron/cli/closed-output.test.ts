// A `custody` whose reader goes away (`custody … | head`, or a parent killed while it worked, as a
// timed-out test runner is) must still end. Its writes then fail with EPIPE; that error used to
// reach the stray-error handler, whose own message failed the same way, and the process spun on
// that for as long as anyone let it (four `report find` outlived their test by 13 minutes).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CUSTODY_BIN, childEnv, cliVaultWithCase, type CliVault } from '../../tests/helpers/cli.ts';

let v: CliVault;
const started: ChildProcess[] = [];

beforeAll(async () => {
  v = await cliVaultWithCase('closed output passphrase');
});
afterAll(() => v.cleanup());
// A child that never ended is ended here, so a failing run leaves nothing spinning.
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** `report find` with its output pipes; the child needs far longer to start than this takes. */
function findWithPipes(): ChildProcess & { stdout: NodeJS.ReadableStream } {
  const child = spawn(
    process.execPath,
    [CUSTODY_BIN, 'report', 'find', '0'.repeat(64), ...v.base],
    { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  return child;
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('a custody whose output is closed', () => {
  it('ends with exit 2 when nobody reads its stdout or stderr any more', async () => {
    const child = findWithPipes();
    child.stdout?.destroy();
    child.stderr?.destroy();
    expect(await exitOf(child)).toBe(2);
  }, 30_000);

  it('says on stderr that its answer was lost when only stdout is closed', async () => {
    const child = findWithPipes();
    child.stdout?.destroy();
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const code = await exitOf(child);
    if (child.stderr && !child.stderr.readableEnded) await once(child.stderr, 'end');
    expect(code).toBe(2);
    expect(stderr).toBe('custody: The output could not be written (EPIPE): the answer is lost.\n');
  }, 30_000);
});
