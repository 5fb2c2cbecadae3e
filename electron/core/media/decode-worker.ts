// The decode worker process: the only place evidence pixels are decoded. It handles one request at
// a time; a decoder that crashes or hangs takes only this process down, and its host replaces it.
// Its host is either Node (child_process.fork: process.send) or Electron (utilityProcess:
// process.parentPort), the same protocol over both.
import {
  FAULT_ENV,
  isDecodeRequest,
  isExtractRequest,
  isSecondFramesRequest,
  reasonFrom,
} from './decode-protocol.ts';
import type {
  DecodeReply,
  ExtractRequest,
  SecondFramesRequest,
  WorkerRequest,
  DecodeRequest,
} from './decode-protocol.ts';
import { renderImage } from './previews.ts';
import { withFrames } from './image-frames.ts';
import { extractorFor } from '../extract/index.ts';
import { applySharpPolicy } from './sharp-policy.ts';

// One libvips thread: parallelism comes from running several workers.
applySharpPolicy({ threads: 1 });

/** The link to the host process, whichever kind started this one. */
interface HostLink {
  send(reply: DecodeReply): void;
  onRequest(listener: (message: unknown) => void): void;
}

/** Electron's utilityProcess port (typed here, as core never imports electron). */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

function hostLink(): HostLink | null {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port) {
    // A utility process needs no orphan check: Chromium ends its child processes with the app.
    return {
      send: (reply) => port.postMessage(reply),
      onRequest: (listener) => port.on('message', (event) => listener(event.data)),
    };
  }
  if (!process.send) return null;
  // Orphaned by a host that died: decoded pixels must not outlive the app.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (reply) => process.send?.(reply),
    onRequest: (listener) => process.on('message', listener),
  };
}

const host = hostLink();
if (!host) {
  // Started by hand rather than by a host: there is nobody to answer.
  process.exit(2);
}
const send = (reply: DecodeReply): void => host.send(reply);

function injectFault(request: WorkerRequest): void {
  if (request.fault === undefined || process.env[FAULT_ENV] !== '1') return;
  if (request.fault === 'exit') process.exit(70);
  if (request.fault === 'kill') process.kill(process.pid, 'SIGKILL');
  if (request.fault === 'hang') for (;;);
}

async function handle(request: DecodeRequest): Promise<void> {
  injectFault(request);
  const { source } = request;
  const path = 'path' in source ? source.path : undefined;
  const input =
    'path' in source
      ? source.path
      : Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
  try {
    const image = await renderImage(input, request.options);
    // An animated GIF, WebP or PNG keeps its frames as stills, like a video's storyboard.
    const result = await withFrames(image, input, request.options);
    send({ type: 'done', id: request.id, result });
  } catch (error) {
    send({ type: 'failed', id: request.id, reason: reasonFrom(error, path) });
  }
}

/** Runs the registry's extractor; the source is read here, inside this killable process. */
async function extract(request: ExtractRequest): Promise<void> {
  injectFault(request);
  const { source, name } = request;
  const path = 'path' in source ? source.path : undefined;
  try {
    const extractor = await extractorFor(request.kind);
    if (!extractor) throw new Error(`no reader for ${request.kind} evidence`);
    const input = 'path' in source ? { path: source.path, name } : { bytes: source.bytes, name };
    const result = await extractor(input, request.limits);
    const language = result.text === null ? null : await languageOf(result.text);
    send({ type: 'extracted', id: request.id, result: { ...result, language } });
  } catch (error) {
    send({ type: 'failed', id: request.id, reason: reasonFrom(error, path) });
  }
}

/** Loaded on first use: eld's model is ~40 MB of objects a worker decoding photos never needs. */
async function languageOf(text: string): Promise<string | null> {
  const { detectLanguage } = await import('../extract/text/language.ts');
  return detectLanguage(text);
}

/** Hashes a stored video a frame a second, sending each batch while FFmpeg runs. */
async function secondFrames(request: SecondFramesRequest): Promise<void> {
  injectFault(request);
  const { id } = request;
  try {
    // Loaded on first use: the image-only worker never pays for FFmpeg's module.
    const { hashSeconds } = await import('../extract/video/second-frames.ts');
    const result = await hashSeconds(
      request.source,
      request.fromSecond,
      request.timeoutMs,
      (frames) => send({ type: 'second-frames', id, frames }),
    );
    send({ type: 'seconds-hashed', id, result });
  } catch (error) {
    send({ type: 'failed', id, reason: reasonFrom(error, request.source.sealed.path) });
  } finally {
    request.source.sealed.key.fill(0);
  }
}

host.onRequest((message) => {
  if (isDecodeRequest(message)) void handle(message);
  else if (isExtractRequest(message)) void extract(message);
  else if (isSecondFramesRequest(message)) void secondFrames(message);
});
send({ type: 'ready' });
