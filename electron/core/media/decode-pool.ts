// Runs image decoding in separate processes so that a decoder crash or hang fails that one file:
// each job has a watchdog, a dead or stuck worker is killed and replaced, and the queue goes on.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CustodyError } from '../errors.ts';
import { isDecodeReply } from './decode-protocol.ts';
import type { DecodeFault, DecodeReply, DecodeRequest, DecodeSource } from './decode-protocol.ts';
import type { RenderOptions, RenderedImage } from './previews.ts';

export type { DecodeSource } from './decode-protocol.ts';

export interface DecodeJobOptions extends RenderOptions {
  /** The file's name as the reviewer knows it; it appears in failure messages, never a path. */
  displayName: string;
  /** Test hook, honoured only by workers started with CUSTODY_DECODE_FAULTS=1. */
  fault?: DecodeFault;
}

/** A place that decodes images out of process. Node and Electron each provide one. */
export interface DecodeHost {
  start(): Promise<void>;
  decode(source: DecodeSource, options: DecodeJobOptions): Promise<RenderedImage>;
  close(): Promise<void>;
}

export interface NodeDecodePoolOptions {
  /** Worker processes; default min(2, cores). */
  size?: number;
  /** Watchdog per job, from the moment a worker takes it. Default 30 s. */
  timeoutMs?: number;
  /** The worker module; default decode-worker.ts beside this file. */
  workerPath?: string;
  /** The workers' environment; default this process's. */
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_DECODE_TIMEOUT_MS = 30_000;
const NAME_MAX = 200;
/** Workers that die before they are ready, in a row, before the pool stops respawning. */
const MAX_START_FAILURES = 3;

interface Job {
  id: number;
  source: DecodeSource;
  options: DecodeJobOptions;
  resolve: (result: RenderedImage) => void;
  reject: (error: Error) => void;
}

interface Worker {
  child: ChildProcess;
  /** 'retiring': killed after a timeout, waiting for its exit; it takes no more work. */
  state: 'starting' | 'ready' | 'retiring';
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

function decodeFailed(job: Job, reason: string, cause?: unknown): CustodyError {
  const name = job.options.displayName.slice(0, NAME_MAX);
  return new CustodyError('DECODE_FAILED', `Could not decode "${name}": ${reason}`, { cause });
}

export class NodeDecodePool implements DecodeHost {
  readonly #size: number;
  readonly #timeoutMs: number;
  readonly #workerPath: string;
  readonly #env: NodeJS.ProcessEnv;
  readonly #workers = new Set<Worker>();
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;
  #startFailures = 0;
  #started: Promise<void> | undefined;

  constructor(options: NodeDecodePoolOptions = {}) {
    this.#size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_DECODE_TIMEOUT_MS;
    this.#workerPath =
      options.workerPath ?? fileURLToPath(new URL('./decode-worker.ts', import.meta.url));
    this.#env = options.env ?? process.env;
  }

  /** Starts the workers and resolves when every one of them is ready. */
  start(): Promise<void> {
    if (this.#closed)
      return Promise.reject(new CustodyError('CANCELLED', 'The decoder is closed.'));
    this.#started ??= Promise.all(Array.from({ length: this.#size }, () => this.#spawn())).then(
      () => undefined,
    );
    return this.#started;
  }

  decode(source: DecodeSource, options: DecodeJobOptions): Promise<RenderedImage> {
    if (this.#closed)
      return Promise.reject(new CustodyError('CANCELLED', 'The decoder is closed.'));
    const started = this.start();
    return new Promise<RenderedImage>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, source, options, resolve, reject });
      started.then(() => {
        this.#topUp();
        this.#dispatch();
      }, reject);
    });
  }

  /** Stops every worker; queued and running jobs fail as cancelled. */
  async close(): Promise<void> {
    this.#closed = true;
    const cancelled = new CustodyError('CANCELLED', 'The decoder was closed.');
    for (const job of this.#queue.splice(0)) job.reject(cancelled);
    const exits = [...this.#workers].map((worker) => {
      this.#settle(worker, cancelled);
      return this.#stop(worker);
    });
    await Promise.all(exits);
  }

  #spawn(): Promise<void> {
    const child = fork(this.#workerPath, [], {
      serialization: 'advanced',
      execArgv: [],
      env: this.#env,
      // Decoder chatter can quote file paths; it is not kept.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const worker: Worker = { child, state: 'starting', job: undefined, timer: undefined };
    this.#workers.add(worker);
    return new Promise<void>((resolve) => {
      child.on('message', (message: unknown) => {
        if (!isDecodeReply(message)) return;
        if (message.type === 'ready') {
          worker.state = 'ready';
          this.#startFailures = 0;
          resolve();
          this.#dispatch();
        } else {
          this.#reply(worker, message);
        }
      });
      child.on('error', () => child.kill('SIGKILL'));
      child.once('exit', (code, signal) => {
        this.#workers.delete(worker);
        const detail = signal ?? `exit code ${String(code)}`;
        this.#settle(worker, 'decoder crashed', detail);
        if (worker.state === 'starting') this.#startFailures++;
        resolve();
        this.#replace();
      });
    });
  }

  #replace(): void {
    if (this.#closed) return;
    if (this.#startFailures >= MAX_START_FAILURES) {
      // Give up on what is queued now; the next decode() tries to start workers again.
      this.#startFailures = 0;
      for (const job of this.#queue.splice(0)) {
        job.reject(decodeFailed(job, 'decoder could not start'));
      }
      return;
    }
    this.#topUp();
  }

  #topUp(): void {
    while (!this.#closed && this.#workers.size < this.#size) void this.#spawn();
  }

  #dispatch(): void {
    for (const worker of this.#workers) {
      if (worker.state !== 'ready' || worker.job || this.#closed) continue;
      const job = this.#queue.shift();
      if (!job) return;
      worker.job = job;
      const request: DecodeRequest = {
        type: 'decode',
        id: job.id,
        source: job.source,
        options: renderOptions(job.options),
        ...(job.options.fault === undefined ? {} : { fault: job.options.fault }),
      };
      worker.timer = setTimeout(() => this.#timeOut(worker), this.#timeoutMs);
      worker.child.send(request);
    }
  }

  #reply(worker: Worker, reply: Exclude<DecodeReply, { type: 'ready' }>): void {
    const job = worker.job;
    if (!job || job.id !== reply.id) return;
    clearTimeout(worker.timer);
    worker.job = undefined;
    if (reply.type === 'done') job.resolve(reply.result);
    else job.reject(decodeFailed(job, reply.reason));
    this.#dispatch();
  }

  #timeOut(worker: Worker): void {
    const seconds = Math.round(this.#timeoutMs / 100) / 10;
    this.#settle(worker, `timed out after ${seconds}s`);
    // The worker is stuck inside a decoder: only a kill gets it out. 'exit' then replaces it.
    worker.state = 'retiring';
    worker.child.kill('SIGKILL');
  }

  /** Fails the worker's current job, if any, once. */
  #settle(worker: Worker, reason: string | CustodyError, cause?: unknown): void {
    const job = worker.job;
    if (!job) return;
    clearTimeout(worker.timer);
    worker.job = undefined;
    job.reject(typeof reason === 'string' ? decodeFailed(job, reason, cause) : reason);
  }

  #stop(worker: Worker): Promise<void> {
    const { child } = worker;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

function renderOptions(options: DecodeJobOptions): RenderOptions {
  const { screenSize, thumbSize, timeoutSeconds } = options;
  return {
    ...(screenSize === undefined ? {} : { screenSize }),
    ...(thumbSize === undefined ? {} : { thumbSize }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
}
