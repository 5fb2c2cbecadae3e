// Runs image decoding in separate processes so that a decoder crash or hang fails that one file:
// each job has a watchdog, a dead or stuck worker is killed and replaced, and the queue goes on.
// DecodePool is that queue and watchdog; how a worker process is started and spoken to is a
// DecodeWorkerProcess, so Node (child_process.fork, here) and Electron (utilityProcess, in
// electron/main) share every rule.
import { fork } from 'node:child_process';
import { childEnv } from '../vault/child-env.ts';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CustodyError } from '../errors.ts';
import { isDecodeReply } from './decode-protocol.ts';
import type {
  DecodeFault,
  DecodeReply,
  DecodeSource,
  SecondFramesRequest,
  WorkerRequest,
} from './decode-protocol.ts';
import type { RenderOptions, RenderedImage } from './previews.ts';
import type { ExtractedContent, ExtractLimits } from '../extract/extract-result.ts';
import type { ItemKind } from '../../../shared/domain/item.ts';
import { VIDEO_JOB_TIMEOUT_MS } from '../extract/video/video-limits.ts';
import type { SecondFrame, SecondFramesOutcome } from '../extract/video/second-frames.ts';

export type { DecodeSource } from './decode-protocol.ts';

export interface DecodeJobOptions extends RenderOptions {
  /** The file's name as the reviewer knows it; it appears in failure messages, never a path. */
  displayName: string;
  /** Test hook, honoured only by workers started with CUSTODY_DECODE_FAULTS=1. */
  fault?: DecodeFault;
}

export interface ExtractJobOptions {
  /** The file's name as the reviewer knows it: in failure messages, and for its extension. */
  displayName: string;
  limits: ExtractLimits;
  /** Test hook, honoured only by workers started with CUSTODY_DECODE_FAULTS=1. */
  fault?: DecodeFault;
}

export interface SecondFramesJobOptions {
  /** Names the job in failure messages (an item id, never a path). */
  displayName: string;
  /** Each batch of hashed frames, as the worker sends it while the job runs. */
  onFrames: (frames: SecondFrame[]) => void;
  /** FFmpeg's own cap on the pass. */
  timeoutMs: number;
  /** Aborting drops the job from the queue, or kills the worker running it. */
  signal?: AbortSignal;
  /** Test hook, honoured only by workers started with CUSTODY_DECODE_FAULTS=1. */
  fault?: DecodeFault;
}

/** A place that decodes images and reads documents out of process. Node and Electron each provide one. */
export interface DecodeHost {
  start(): Promise<void>;
  decode(source: DecodeSource, options: DecodeJobOptions): Promise<RenderedImage>;
  /** Runs the extractor for `kind` on the source, under the same watchdog as a decode. */
  extract(
    kind: ItemKind,
    source: DecodeSource,
    options: ExtractJobOptions,
  ): Promise<ExtractedContent>;
  /**
   * Hashes one frame a second of a stored video from `fromSecond` on. The job's watchdog restarts
   * with every batch: a long video may take as long as it needs while frames keep coming.
   */
  secondFrames(
    source: SecondFramesRequest['source'],
    fromSecond: number,
    options: SecondFramesJobOptions,
  ): Promise<SecondFramesOutcome>;
  close(): Promise<void>;
}

/** One worker process as the pool drives it, whatever started it. */
export interface DecodeWorkerProcess {
  send(request: WorkerRequest): void;
  /** Every message the worker sends; the pool validates them. */
  onMessage(listener: (message: unknown) => void): void;
  /** Once, when the process has ended for any reason; `detail` names the exit code or signal. */
  onExit(listener: (detail: string) => void): void;
  /** Ends the process even if a decoder is stuck in it; the end is reported through onExit. */
  kill(): void;
}

export interface DecodePoolOptions {
  /** Worker processes; default min(2, cores). */
  size?: number;
  /** Watchdog per job, from the moment a worker takes it. Default 30 s. */
  timeoutMs?: number;
  /** Watchdog of a video extract job, which FFmpeg itself caps at 120 s. Default 180 s. */
  videoTimeoutMs?: number;
  /** Watchdog of a second-frames job between two batches. Default 5 minutes. */
  secondFramesStallMs?: number;
}

export interface NodeDecodePoolOptions extends DecodePoolOptions {
  /** The worker module; default decode-worker.ts beside this file. */
  workerPath?: string;
  /** The workers' environment; default this process's. */
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_DECODE_TIMEOUT_MS = 30_000;
const NAME_MAX = 200;
/** Workers that die before they are ready, in a row, before the pool stops respawning. */
const MAX_START_FAILURES = 3;
/** Ten seconds of even an 8K video decode well inside this; a stuck decoder does not. */
const SECOND_FRAMES_STALL_MS = 5 * 60_000;
/** Heap ceiling of a Node decode worker, in MiB. */
const WORKER_HEAP_MB = 1024;

/** What a job asks of a worker, without its id. */
type Work =
  | { type: 'decode'; source: DecodeSource; options: DecodeJobOptions }
  | { type: 'extract'; kind: ItemKind; source: DecodeSource; options: ExtractJobOptions }
  | {
      type: 'second-frames';
      source: SecondFramesRequest['source'];
      fromSecond: number;
      options: SecondFramesJobOptions;
    };

interface Job {
  id: number;
  work: Work;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

interface Worker {
  process: DecodeWorkerProcess;
  /** 'retiring': killed after a timeout, waiting for its exit; it takes no more work. */
  state: 'starting' | 'ready' | 'retiring';
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Settles when the process has exited. */
  exited: Promise<void>;
}

function decodeFailed(job: Job, reason: string, cause?: unknown): CustodyError {
  const name = job.work.options.displayName.slice(0, NAME_MAX);
  const verb =
    job.work.type === 'decode' ? 'decode' : job.work.type === 'extract' ? 'read' : 'hash';
  return new CustodyError('DECODE_FAILED', `Could not ${verb} "${name}": ${reason}`, { cause });
}

export class DecodePool implements DecodeHost {
  readonly #spawnWorker: () => DecodeWorkerProcess;
  readonly #size: number;
  readonly #timeoutMs: number;
  readonly #videoTimeoutMs: number;
  readonly #secondFramesStallMs: number;
  readonly #workers = new Set<Worker>();
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;
  #startFailures = 0;
  #started: Promise<void> | undefined;

  constructor(spawnWorker: () => DecodeWorkerProcess, options: DecodePoolOptions = {}) {
    this.#spawnWorker = spawnWorker;
    this.#size = Math.max(1, options.size ?? Math.min(2, availableParallelism()));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_DECODE_TIMEOUT_MS;
    this.#videoTimeoutMs = Math.max(
      this.#timeoutMs,
      options.videoTimeoutMs ?? VIDEO_JOB_TIMEOUT_MS,
    );
    this.#secondFramesStallMs = options.secondFramesStallMs ?? SECOND_FRAMES_STALL_MS;
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
    return this.#enqueue<RenderedImage>({ type: 'decode', source, options });
  }

  extract(
    kind: ItemKind,
    source: DecodeSource,
    options: ExtractJobOptions,
  ): Promise<ExtractedContent> {
    return this.#enqueue<ExtractedContent>({ type: 'extract', kind, source, options });
  }

  secondFrames(
    source: SecondFramesRequest['source'],
    fromSecond: number,
    options: SecondFramesJobOptions,
  ): Promise<SecondFramesOutcome> {
    return this.#enqueue<SecondFramesOutcome>({
      type: 'second-frames',
      source,
      fromSecond,
      options,
    });
  }

  #enqueue<T>(work: Work): Promise<T> {
    if (this.#closed)
      return Promise.reject(new CustodyError('CANCELLED', 'The decoder is closed.'));
    const signal = work.type === 'second-frames' ? work.options.signal : undefined;
    if (signal?.aborted) return Promise.reject(new CustodyError('CANCELLED', 'Cancelled.'));
    const started = this.start();
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.#nextId++, work, resolve, reject };
      this.#queue.push(job);
      signal?.addEventListener('abort', () => this.#abort(job), { once: true });
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
      worker.process.kill();
      return worker.exited;
    });
    await Promise.all(exits);
  }

  /** Drops an aborted job from the queue, or kills the worker that runs it. */
  #abort(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      job.reject(new CustodyError('CANCELLED', 'Cancelled.'));
      return;
    }
    const worker = [...this.#workers].find((w) => w.job === job);
    if (!worker) return;
    this.#settle(worker, new CustodyError('CANCELLED', 'Cancelled.'));
    worker.state = 'retiring';
    worker.process.kill();
  }

  #spawn(): Promise<void> {
    let spawned: DecodeWorkerProcess;
    try {
      spawned = this.#spawnWorker();
    } catch {
      // Not even a process: no retry can help this batch (the next decode() tries again).
      queueMicrotask(() => this.#giveUp());
      return Promise.resolve();
    }
    const exited = Promise.withResolvers<void>();
    const worker: Worker = {
      process: spawned,
      state: 'starting',
      job: undefined,
      timer: undefined,
      exited: exited.promise,
    };
    this.#workers.add(worker);
    return new Promise<void>((resolve) => {
      spawned.onMessage((message) => {
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
      spawned.onExit((detail) => {
        this.#workers.delete(worker);
        this.#settle(worker, 'decoder crashed', detail);
        if (worker.state === 'starting') this.#startFailures++;
        exited.resolve();
        resolve();
        this.#replace();
      });
    });
  }

  #replace(): void {
    if (this.#closed) return;
    if (this.#startFailures >= MAX_START_FAILURES) this.#giveUp();
    else this.#topUp();
  }

  /** Fails what is queued now; the next decode() tries to start workers again. */
  #giveUp(): void {
    this.#startFailures = 0;
    for (const job of this.#queue.splice(0)) {
      job.reject(decodeFailed(job, 'decoder could not start'));
    }
  }

  #topUp(): void {
    for (let n = this.#workers.size; !this.#closed && n < this.#size; n++) void this.#spawn();
  }

  #dispatch(): void {
    for (const worker of this.#workers) {
      if (worker.state !== 'ready' || worker.job || this.#closed) continue;
      const job = this.#queue.shift();
      if (!job) return;
      worker.job = job;
      this.#watch(worker, job);
      worker.process.send(requestFor(job));
    }
  }

  #reply(worker: Worker, reply: Exclude<DecodeReply, { type: 'ready' }>): void {
    const job = worker.job;
    if (!job || job.id !== reply.id) return;
    if (reply.type === 'second-frames') {
      if (job.work.type !== 'second-frames') return;
      // Frames keep coming: the decoder is not stuck, so its watchdog starts again.
      clearTimeout(worker.timer);
      this.#watch(worker, job);
      job.work.options.onFrames(reply.frames);
      return;
    }
    clearTimeout(worker.timer);
    worker.job = undefined;
    if (reply.type === 'failed') job.reject(decodeFailed(job, reply.reason));
    else if (REPLY_OF[job.work.type] === reply.type) job.resolve(reply.result as never);
    else job.reject(decodeFailed(job, 'the worker answered a different request'));
    this.#dispatch();
  }

  #watch(worker: Worker, job: Job): void {
    const ms = this.#timeoutOf(job);
    worker.timer = setTimeout(() => this.#timeOut(worker, ms), ms);
  }

  #timeoutOf(job: Job): number {
    if (job.work.type === 'second-frames') return this.#secondFramesStallMs;
    return job.work.type === 'extract' && job.work.kind === 'video'
      ? this.#videoTimeoutMs
      : this.#timeoutMs;
  }

  #timeOut(worker: Worker, ms: number): void {
    const seconds = Math.round(ms / 100) / 10;
    this.#settle(worker, `timed out after ${seconds}s`);
    // The worker is stuck inside a decoder: only a kill gets it out. Its exit then replaces it.
    worker.state = 'retiring';
    worker.process.kill();
  }

  /** Fails the worker's current job, if any, once. */
  #settle(worker: Worker, reason: string | CustodyError, cause?: unknown): void {
    const job = worker.job;
    if (!job) return;
    clearTimeout(worker.timer);
    worker.job = undefined;
    job.reject(typeof reason === 'string' ? decodeFailed(job, reason, cause) : reason);
  }
}

/** Decodes in Node child processes (the CLI, the harness, tests). */
export class NodeDecodePool extends DecodePool {
  constructor(options: NodeDecodePoolOptions = {}) {
    const workerPath =
      options.workerPath ?? fileURLToPath(new URL('./decode-worker.ts', import.meta.url));
    const env = options.env ?? childEnv();
    super(() => forkWorker(workerPath, env), options);
  }
}

function forkWorker(workerPath: string, env: NodeJS.ProcessEnv): DecodeWorkerProcess {
  const child = fork(workerPath, [], {
    serialization: 'advanced',
    // A parser that runs away with memory dies alone (its file stays as damaged evidence).
    execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
    env,
    // Decoder chatter can quote file paths; it is not kept.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  child.on('error', () => child.kill('SIGKILL'));
  return {
    send: (request) => {
      child.send(request);
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      child.once('exit', (code, signal) => listener(signal ?? `exit code ${String(code)}`));
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}

/** The final reply each kind of job expects. */
const REPLY_OF = {
  decode: 'done',
  extract: 'extracted',
  'second-frames': 'seconds-hashed',
} as const satisfies Record<Work['type'], DecodeReply['type']>;

function requestFor(job: Job): WorkerRequest {
  const { work } = job;
  const fault = work.options.fault === undefined ? {} : { fault: work.options.fault };
  if (work.type === 'second-frames') {
    return {
      type: 'second-frames',
      id: job.id,
      source: work.source,
      fromSecond: work.fromSecond,
      timeoutMs: work.options.timeoutMs,
      ...fault,
    };
  }
  if (work.type === 'decode') {
    return {
      type: 'decode',
      id: job.id,
      source: work.source,
      options: renderOptions(work.options),
      ...fault,
    };
  }
  return {
    type: 'extract',
    id: job.id,
    kind: work.kind,
    source: work.source,
    name: work.options.displayName,
    limits: work.options.limits,
    ...fault,
  };
}

function renderOptions(options: DecodeJobOptions): RenderOptions {
  const { screenSize, thumbSize, timeoutSeconds } = options;
  return {
    ...(screenSize === undefined ? {} : { screenSize }),
    ...(thumbSize === undefined ? {} : { thumbSize }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
}
