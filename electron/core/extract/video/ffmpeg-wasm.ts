// FFmpeg compiled to WebAssembly (@ffmpeg/core, GPL-2.0-or-later), run in the decode worker. A
// crafted video meets decoders inside the WebAssembly sandbox: it can corrupt only that instance's
// linear memory, never this process's. Native FFmpeg is never used by the product.
//
// The build believes it runs in a web worker: it needs a `self` with a `location.href`, and its
// `.wasm` handed over as bytes (its fetch cannot read file://). The module is compiled once per
// worker; every file gets a fresh instance, so nothing decoded from one file meets the next.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ExtractSource } from '../extract-result.ts';
import { SyncBlobReader } from '../../blobs/blob-sync-reader.ts';
import type { SealedBlob } from '../../blobs/blob-sync-reader.ts';

/** The evidence: a file or bytes (ingest), or a sealed blob of the vault read with its own key. */
export type FfmpegSource = ExtractSource | { sealed: SealedBlob };

/** The few parts of Emscripten's file system this module uses. */
interface EmscriptenFs {
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  readdir(path: string): string[];
  unlink(path: string): void;
  lookupPath(path: string): { node: FsNode };
}

interface FsNode {
  usedBytes: number;
  stream_ops: Record<string, unknown>;
}

interface FfmpegCore {
  FS: EmscriptenFs;
  exec(...args: string[]): number;
  setLogger(logger: (entry: { type: string; message: string }) => void): void;
  setTimeout(ms: number): void;
}

// The Node types carry no WebAssembly namespace: the two calls used, opaquely typed.
type WasmModule = { readonly kind: 'module' };
type WasmInstance = { readonly kind: 'instance' };
interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  instantiate(module: WasmModule, imports: object): Promise<WasmInstance>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type CreateCore = (options: {
  instantiateWasm: (
    imports: object,
    receive: (instance: WasmInstance, module: WasmModule) => void,
  ) => object;
}) => Promise<FfmpegCore>;

/** Where the evidence appears inside the instance's file system. */
export const INPUT = '/input';

/** The largest single allocation FFmpeg may make: a frame buffer far beyond 8K, far below memory. */
const MAX_ALLOC_BYTES = 256 * 1024 * 1024;

let loaded: Promise<{ create: CreateCore; module: WasmModule }> | undefined;

async function load(): Promise<{ create: CreateCore; module: WasmModule }> {
  const require = createRequire(import.meta.url);
  // The ESM build, beside the CommonJS entry that `require.resolve` finds.
  const script = require.resolve('@ffmpeg/core').replace('/umd/', '/esm/');
  const wasmPath = script.replace(/\.js$/, '.wasm');
  const host = globalThis as { self?: unknown };
  host.self ??= { location: { href: pathToFileURL(script).href } };
  const [{ default: create }, module] = await Promise.all([
    import(pathToFileURL(script).href) as Promise<{ default: CreateCore }>,
    readFile(wasmPath).then((bytes) => wasm.compile(bytes)),
  ]);
  return { create, module };
}

/** One FFmpeg run's outcome: its exit status and its log, one line per entry. */
export interface FfmpegRun {
  status: number;
  log: string[];
  /** FFmpeg stopped itself at the time cap (it then logs no error, only a non-zero status). */
  timedOut: boolean;
}

const SHOWINFO =
  /\[Parsed_showinfo_\d+ @ [^\]]+\] \[info\] n:\s*\d+ pts:\s*-?\d+ pts_time:(-?[\d.e+-]+)/;
const ERROR_LINE = /^\[(?:[^\]]+ @ [^\]]+\] )?\[(?:error|fatal|panic)\] (.*)$/;

/** The time of the frame a `showinfo` filter logged on this line, or null for any other line. */
export function showinfoTime(line: string): number | null {
  const m = SHOWINFO.exec(line);
  return m ? Number(m[1]) : null;
}

/**
 * Why a run stopped or skipped damaged data: FFmpeg's first error line, or its status when it
 * stopped otherwise (not at the time cap); null for a clean run.
 */
export function runError(run: FfmpegRun): string | null {
  const line = run.log.map((l) => ERROR_LINE.exec(l)?.[1]).find(Boolean) ?? null;
  if (line !== null) return line;
  return run.status !== 0 && !run.timedOut ? `FFmpeg stopped with status ${run.status}` : null;
}

/** A fresh FFmpeg instance with the evidence mounted read-only at INPUT. */
export class FfmpegInstance {
  readonly #core: FfmpegCore;
  readonly #close: () => void;

  private constructor(core: FfmpegCore, close: () => void) {
    this.#core = core;
    this.#close = close;
  }

  static async open(source: FfmpegSource): Promise<FfmpegInstance> {
    loaded ??= load();
    const { create, module } = await loaded;
    const core = await create({
      instantiateWasm: (imports, receive) => {
        void wasm.instantiate(module, imports).then((instance) => receive(instance, module));
        return {};
      },
    });
    const close = mountInput(core.FS, source);
    return new FfmpegInstance(core, close);
  }

  /**
   * Runs one ffmpeg command line, stopped by FFmpeg itself after `timeoutMs`; `onLine` hears each
   * log line as it is written, while the run goes on.
   */
  run(args: string[], timeoutMs: number, onLine?: (line: string) => void): FfmpegRun {
    const log: string[] = [];
    this.#core.setLogger(({ message }) => {
      log.push(message);
      onLine?.(message);
    });
    this.#core.setTimeout(timeoutMs);
    const started = Date.now();
    const status = this.#core.exec(
      '-hide_banner',
      '-loglevel',
      'level+info',
      '-max_alloc',
      String(MAX_ALLOC_BYTES),
      '-threads',
      '1',
      ...args,
    );
    return { status, log, timedOut: status !== 0 && Date.now() - started >= timeoutMs };
  }

  /** Output files whose names start with `prefix`, in name order. */
  outputs(prefix: string): string[] {
    return this.#core.FS.readdir('/')
      .filter((name) => name.startsWith(prefix))
      .sort();
  }

  /** Reads one output file and removes it, so decoded pixels do not pile up in the instance. */
  take(name: string): Uint8Array {
    const bytes = this.#core.FS.readFile(`/${name}`);
    this.#core.FS.unlink(`/${name}`);
    return bytes;
  }

  /**
   * An output file at `path` that keeps nothing: each write is handed to `write` as it happens, so
   * a long run's frames are used one at a time instead of piling up in the instance's memory.
   */
  sink(path: string, write: (bytes: Uint8Array) => void): void {
    const fs = this.#core.FS;
    fs.writeFile(path, new Uint8Array(0));
    const node = fs.lookupPath(path).node;
    node.stream_ops = {
      ...node.stream_ops,
      // Emscripten hands over its signed heap view: the same bytes, seen unsigned.
      write: (_stream: unknown, heap: Int8Array, offset: number, length: number) => {
        write(new Uint8Array(heap.buffer, heap.byteOffset + offset, length));
        return length;
      },
    };
  }

  close(): void {
    this.#close();
  }
}

/** Reads by position, as FFmpeg asks: from the evidence file, or decrypted from a blob. */
interface RangeReader {
  size: number;
  read(into: Uint8Array, offset: number, length: number, position: number): number;
  close(): void;
}

function fileReader(path: string): RangeReader {
  const fd = openSync(path, 'r');
  try {
    return {
      size: fstatSync(fd).size,
      read: (into, offset, length, position) => readSync(fd, into, offset, length, position),
      close: () => closeSync(fd),
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Bytes in memory are copied in; a file on disk or a sealed blob is not: INPUT becomes a file whose
 * reads are served by position, so a video larger than WebAssembly's memory is read in ranges as
 * FFmpeg asks for them, and a blob's plaintext never lies whole in memory or on disk.
 */
function mountInput(fs: EmscriptenFs, source: FfmpegSource): () => void {
  if ('bytes' in source) {
    fs.writeFile(INPUT, source.bytes);
    return () => undefined;
  }
  const reader = 'sealed' in source ? SyncBlobReader.open(source.sealed) : fileReader(source.path);
  try {
    const { size } = reader;
    fs.writeFile(INPUT, new Uint8Array(0));
    const node = fs.lookupPath(INPUT).node;
    // Emscripten's stat reports usedBytes as the size, which FFmpeg needs to seek from the end.
    node.usedBytes = size;
    node.stream_ops = {
      ...node.stream_ops,
      read: (_stream: unknown, heap: Uint8Array, offset: number, length: number, at: number) => {
        const wanted = Math.max(0, Math.min(length, size - at));
        return wanted === 0 ? 0 : reader.read(heap, offset, wanted, at);
      },
      write: () => {
        throw new Error('the evidence is read-only');
      },
    };
  } catch (error) {
    reader.close();
    throw error;
  }
  return () => reader.close();
}
