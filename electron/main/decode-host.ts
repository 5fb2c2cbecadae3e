// Image decoding in the app: core's DecodePool (a watchdog per job; a worker that crashes or hangs
// fails that job alone and is replaced) with workers started by Electron's utilityProcess. Node's
// child_process.fork cannot serve here: the RunAsNode fuse is off, and the worker ships only as the
// bundle out/main/decode-worker.js. Electron is passed in (`fork`), so tests run without it.
import { childEnv } from '../core/vault/child-env.ts';
import type { ForkOptions } from 'electron';
import {
  DecodePool,
  type DecodePoolOptions,
  type DecodeWorkerProcess,
} from '../core/media/decode-pool.ts';
import { isDecodeReply } from '../core/media/decode-protocol.ts';
import type { EncodedPreview } from '../core/media/previews.ts';

/** The part of Electron's UtilityProcess the pool uses. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** `utilityProcess.fork`'s shape. */
export type ForkUtilityProcess = (
  modulePath: string,
  args: string[],
  options: ForkOptions,
) => UtilityProcessLike;

export interface UtilityDecodePoolOptions extends DecodePoolOptions {
  fork: ForkUtilityProcess;
  /** The bundled worker: out/main/decode-worker.js. */
  workerPath: string;
  /** The workers' environment; default this process's. */
  env?: NodeJS.ProcessEnv;
}

/** Named so in app.getAppMetrics() and 'child-process-gone'. */
export const DECODER_SERVICE_NAME = 'Custody decoder';

export class UtilityDecodePool extends DecodePool {
  constructor(options: UtilityDecodePoolOptions) {
    const { fork, workerPath } = options;
    const forkOptions: ForkOptions = {
      serviceName: DECODER_SERVICE_NAME,
      env: options.env ?? childEnv(),
      // Decoder chatter can quote file paths; it is not kept.
      stdio: 'ignore',
    };
    super(() => utilityWorker(fork(workerPath, [], forkOptions)), options);
  }
}

function utilityWorker(child: UtilityProcessLike): DecodeWorkerProcess {
  return {
    send: (request) => {
      child.postMessage(request);
    },
    onMessage: (listener) => {
      child.on('message', (message) => listener(withBufferPreviews(message)));
    },
    onExit: (listener) => {
      child.on('exit', (code) => listener(`exit code ${String(code)}`));
    },
    // SIGTERM, then Electron makes sure: SIGKILL if the process is still there 2 s later.
    kill: () => {
      child.kill();
    },
  };
}

/**
 * Electron's structured clone delivers the worker's Buffers as plain Uint8Arrays; RenderedImage
 * promises Buffers. Each becomes a Buffer over the same memory (no copy).
 */
export function withBufferPreviews(message: unknown): unknown {
  if (!isDecodeReply(message) || message.type !== 'done') return message;
  const { thumb, screen } = message.result.previews;
  for (const variants of [thumb, screen]) {
    for (const preview of Object.values<EncodedPreview>(variants)) {
      const bytes: Uint8Array = preview.bytes;
      if (!Buffer.isBuffer(bytes)) {
        preview.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
    }
  }
  return message;
}
