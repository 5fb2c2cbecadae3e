// The decode worker process: the only place evidence pixels are decoded. It handles one request at
// a time; a decoder that crashes or hangs takes only this process down, and its host replaces it.
import { FAULT_ENV, isDecodeRequest, reasonFrom } from './decode-protocol.ts';
import type { DecodeReply, DecodeRequest } from './decode-protocol.ts';
import { renderImage } from './previews.ts';
import { applySharpPolicy } from './sharp-policy.ts';

// One libvips thread: parallelism comes from running several workers.
applySharpPolicy({ threads: 1 });

function send(reply: DecodeReply): void {
  process.send?.(reply);
}

function injectFault(request: DecodeRequest): void {
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
    const result = await renderImage(input, request.options);
    send({ type: 'done', id: request.id, result });
  } catch (error) {
    send({ type: 'failed', id: request.id, reason: reasonFrom(error, path) });
  }
}

if (!process.send) {
  // Started by hand rather than by a host: there is nobody to answer.
  process.exit(2);
}
process.on('message', (message) => {
  if (isDecodeRequest(message)) void handle(message);
});
// Orphaned by a host that died: decoded pixels must not outlive the app.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
