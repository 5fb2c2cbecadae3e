// The messages between a decode host and its worker process. Kept small and transport-neutral so
// the Node (child_process.fork) host and Electron's utilityProcess host speak the same protocol.
// Buffers travel as they are: both transports use structured-clone ("advanced") serialization.
import type { RenderOptions, RenderedImage } from './previews.ts';
import type { ExtractedContent, ExtractLimits } from '../extract/extract-result.ts';
import type { ItemKind } from '../../../shared/domain/item.ts';
import type { SealedBlob } from '../blobs/blob-sync-reader.ts';
import type { SecondFrame, SecondFramesOutcome } from '../extract/video/second-frames.ts';

/** The worker reads the file itself from `path`; `bytes` is for content already in memory. */
export type DecodeSource = { path: string } | { bytes: Uint8Array };

/**
 * Test-only faults, honoured by the worker only when FAULT_ENV is '1' in its environment:
 * 'exit' ends the process, 'kill' takes it down by signal, 'hang' spins forever.
 */
export type DecodeFault = 'exit' | 'kill' | 'hang';
export const FAULT_ENV = 'CUSTODY_DECODE_FAULTS';

export interface DecodeRequest {
  type: 'decode';
  id: number;
  source: DecodeSource;
  options: RenderOptions;
  fault?: DecodeFault;
}

/** Read a file's content with the registry's extractor for `kind` (electron/core/extract). */
export interface ExtractRequest {
  type: 'extract';
  id: number;
  kind: ItemKind;
  source: DecodeSource;
  /** The file's name as the reviewer knows it (extractors may read its extension). */
  name: string;
  limits: ExtractLimits;
  fault?: DecodeFault;
}

/**
 * Hash one frame a second of a stored video (extract/video/second-frames.ts), read from its sealed
 * blob with the blob's own key, from `fromSecond` on. Frames come back in batches while it runs.
 */
export interface SecondFramesRequest {
  type: 'second-frames';
  id: number;
  source: { sealed: SealedBlob };
  fromSecond: number;
  /** FFmpeg's own cap on the pass. */
  timeoutMs: number;
  fault?: DecodeFault;
}

export type WorkerRequest = DecodeRequest | ExtractRequest | SecondFramesRequest;

export type DecodeReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: RenderedImage }
  | { type: 'extracted'; id: number; result: ExtractedContent }
  /** A batch of a running second-frames job: the job goes on. */
  | { type: 'second-frames'; id: number; frames: SecondFrame[] }
  | { type: 'seconds-hashed'; id: number; result: SecondFramesOutcome }
  | { type: 'failed'; id: number; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isDecodeRequest(message: unknown): message is DecodeRequest {
  if (!isRecord(message) || message.type !== 'decode' || typeof message.id !== 'number') {
    return false;
  }
  const source = message.source;
  return (
    isRecord(source) &&
    (typeof source.path === 'string' || source.bytes instanceof Uint8Array) &&
    isRecord(message.options)
  );
}

export function isExtractRequest(message: unknown): message is ExtractRequest {
  if (!isRecord(message) || message.type !== 'extract' || typeof message.id !== 'number') {
    return false;
  }
  const source = message.source;
  return (
    isRecord(source) &&
    (typeof source.path === 'string' || source.bytes instanceof Uint8Array) &&
    typeof message.kind === 'string' &&
    typeof message.name === 'string' &&
    isRecord(message.limits)
  );
}

export function isSecondFramesRequest(message: unknown): message is SecondFramesRequest {
  if (!isRecord(message) || message.type !== 'second-frames' || typeof message.id !== 'number') {
    return false;
  }
  const source = message.source;
  const sealed = isRecord(source) ? source.sealed : undefined;
  return (
    isRecord(sealed) &&
    typeof sealed.path === 'string' &&
    typeof sealed.id === 'string' &&
    sealed.key instanceof Uint8Array &&
    typeof message.fromSecond === 'number' &&
    typeof message.timeoutMs === 'number'
  );
}

export function isDecodeReply(message: unknown): message is DecodeReply {
  if (!isRecord(message)) return false;
  if (message.type === 'ready') return true;
  if (typeof message.id !== 'number') return false;
  if (message.type === 'second-frames') return Array.isArray(message.frames);
  if (message.type === 'done' || message.type === 'extracted' || message.type === 'seconds-hashed')
    return isRecord(message.result);
  return message.type === 'failed' && typeof message.reason === 'string';
}

const REASON_MAX = 300;

/**
 * A decoder's error as one short line for the reviewer: libvips repeats itself over several lines,
 * and may quote the file's path, which must not travel beyond the worker.
 */
export function reasonFrom(error: unknown, path?: string): string {
  let text = error instanceof Error ? error.message : String(error);
  if (path !== undefined && path.length > 0) text = text.split(path).join('file');
  const lines = [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean);
  const reason = lines.join('; ') || 'unknown decoder error';
  return reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason;
}
