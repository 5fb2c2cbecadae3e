// UtilityDecodePool against a stand-in for utilityProcess.fork: a Node child that the real decode
// worker sees as a utility process (tests/helpers/parent-port-shim.ts). No Electron binary is needed.
import { fork, type Serializable } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForkOptions } from 'electron';
import {
  DECODE_PHOTO as PHOTO,
  decodeFailure as failure,
  expectWorkerDeathFailsOnlyItsJob,
  faultsOn,
} from '../../tests/helpers/media.ts';
import { UtilityDecodePool, type UtilityProcessLike } from './decode-host.ts';

const WORKER = fileURLToPath(new URL('../core/media/decode-worker.ts', import.meta.url));
const SHIM = fileURLToPath(new URL('../../tests/helpers/parent-port-shim.ts', import.meta.url));

/** What the pool asked utilityProcess.fork for. */
const forks: { modulePath: string; options: ForkOptions }[] = [];

/** utilityProcess.fork's contract: messages structured-cloned, exit with a code, SIGTERM kills. */
function fakeUtilityFork(modulePath: string, _args: string[], options: ForkOptions) {
  forks.push({ modulePath, options });
  const child = fork(SHIM, [modulePath], {
    serialization: 'advanced',
    execArgv: [],
    env: options.env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const utility: UtilityProcessLike = {
    postMessage: (message) => child.send(structuredClone(message) as Serializable),
    on: (event: 'message' | 'exit', listener: (value: never) => void) => {
      if (event === 'message') child.on('message', (m) => listener(structuredClone(m) as never));
      else child.on('exit', (code) => listener((code ?? 1) as never));
      return utility;
    },
    kill: () => child.kill('SIGTERM'),
  };
  return utility;
}

describe('UtilityDecodePool', () => {
  const pool = new UtilityDecodePool({
    fork: fakeUtilityFork,
    workerPath: WORKER,
    size: 2,
    timeoutMs: 5000,
    env: faultsOn,
  });
  beforeAll(() => pool.start());
  afterAll(() => pool.close());

  it('starts the bundled worker as a named utility process whose output is not kept', () => {
    expect(forks.length).toBeGreaterThanOrEqual(2);
    for (const { modulePath, options } of forks) {
      expect(modulePath).toBe(WORKER);
      expect(options).toMatchObject({ serviceName: 'Custody decoder', stdio: 'ignore' });
    }
  });

  it('decodes over parentPort, from a path and from bytes, and hands back Buffers', async () => {
    const [fromPath, fromBytes] = await Promise.all([
      pool.decode({ path: PHOTO }, { displayName: 'kayak.jpg' }),
      pool.decode({ bytes: await readFile(PHOTO) }, { displayName: 'kayak.jpg' }),
    ]);
    for (const result of [fromPath, fromBytes]) {
      expect(result.width).toBe(1772);
      for (const size of ['thumb', 'screen'] as const) {
        for (const preview of Object.values(result.previews[size])) {
          expect(Buffer.isBuffer(preview.bytes)).toBe(true);
          // A JPEG, whole: SOI at the start.
          expect([...preview.bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
        }
      }
    }
    expect(fromBytes.pdq).toEqual(fromPath.pdq);
    expect(fromPath.metadata.make).toBe('Canon');
  });

  it('fails only the job whose worker dies, and replaces the worker', async () => {
    await expectWorkerDeathFailsOnlyItsJob(pool);
  });

  it('kills a hung worker after the timeout while other jobs go on', async () => {
    const quick = new UtilityDecodePool({
      fork: fakeUtilityFork,
      workerPath: WORKER,
      size: 2,
      // Long enough for a real photo's decode on a loaded two-core machine, which must go on meanwhile.
      timeoutMs: 6000,
      env: faultsOn,
    });
    try {
      const hung = quick.decode({ path: PHOTO }, { displayName: 'stuck.jpg', fault: 'hang' });
      const meanwhile = quick.decode({ path: PHOTO }, { displayName: 'kayak.jpg' });
      const error = await failure(hung);
      expect(error.message).toBe('Could not decode "stuck.jpg": timed out after 6s');
      await expect(meanwhile).resolves.toMatchObject({ width: 1772 });
      const after = await quick.decode({ path: PHOTO }, { displayName: 'a.jpg' });
      expect(after.width).toBe(1772);
    } finally {
      await quick.close();
    }
  });
});

describe('UtilityDecodePool start failures', () => {
  it('fails jobs, rather than waiting forever, when utilityProcess.fork throws', async () => {
    const pool = new UtilityDecodePool({
      fork: () => {
        throw new Error('utilityProcess.fork before app ready');
      },
      workerPath: WORKER,
      size: 2,
    });
    try {
      for (const name of ['first.jpg', 'second.jpg']) {
        const error = await failure(pool.decode({ path: PHOTO }, { displayName: name }));
        expect(error.message).toBe(`Could not decode "${name}": decoder could not start`);
      }
    } finally {
      await pool.close();
    }
  });

  it('fails jobs when the worker module is missing from the bundle', async () => {
    const pool = new UtilityDecodePool({
      fork: fakeUtilityFork,
      workerPath: fileURLToPath(new URL('./no-such-worker.js', import.meta.url)),
      size: 1,
    });
    try {
      const error = await failure(pool.decode({ path: PHOTO }, { displayName: 'a.jpg' }));
      expect(error.message).toBe('Could not decode "a.jpg": decoder could not start');
    } finally {
      await pool.close();
    }
  });
});
