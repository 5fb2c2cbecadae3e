// The browser harness: the real core and dispatcher behind loopback HTTP, serving the built
// renderer with window.custody implemented over fetch (calls) and Server-Sent Events (events).
// Bound to 127.0.0.1 only; every request needs the random token. Never shipped (it lives in tests/).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { CustodyCore } from '../../electron/core/core.ts';
import type { CoreOptions, VerifyPick } from '../../electron/core/core.ts';
import type { LockReason } from '../../shared/domain/vault.ts';
import { createPreviewHandler } from '../../electron/core/preview/preview-handler.ts';
import { createDispatcher, type OnInternalError } from '../../electron/ipc/dispatch.ts';
import { handlers } from '../../electron/ipc/handlers/index.ts';
import { forwardCoreEvents } from '../../electron/main/core-events.ts';
import type { PreviewHandler } from '../../electron/main/preview-route.ts';
import { harnessPage, harnessPolicy } from './csp.ts';
import { EventHub } from './events.ts';
import { BodyTooLargeError, cookieName, hasToken, readBody, readStatic, send } from './http.ts';
import { defaultRendererDir, ensureRendererBuilt } from './build-renderer.ts';

export interface HarnessOptions {
  /** A vault folder to use; without it, a throwaway one in the OS temp folder, removed on close. */
  vaultDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer; built if missing. Default out/renderer. */
  rendererDir?: string;
  rebuild?: boolean;
  /** If given, the vault is created (when absent) or unlocked with it before serving. */
  passphrase?: string;
  /** Default: core's own preview handler, served at /preview/. */
  previewHandler?: PreviewHandler;
  /**
   * The file picker's answer when the page asks for one (the app shows a native dialog). The
   * scripted dialogs are the harness's only path door: the core still hands the page handles.
   */
  pickEvidence?: () => Promise<string[]>;
  /** Scripts the packet save dialog. */
  pickPacketTarget?: (suggestedName: string) => Promise<string | null>;
  /** Scripts the verify dialog (the packet, or the age identity). */
  pickVerifyFile?: (what: VerifyPick) => Promise<string | null>;
  /** Scripts the hash-list open dialog. */
  pickHashList?: () => Promise<string | null>;
  /** Scripts the open dialog for NCMEC's XSD. */
  pickXsd?: () => Promise<string | null>;
  /** Hash videos a frame a second while idle, as the app does (off unless asked: tests stay still). */
  backgroundHashing?: CoreOptions['backgroundHashing'];
  onInternalError?: OnInternalError;
}

export interface Harness {
  /** The page to open, token included. */
  url: string;
  origin: string;
  token: string;
  vaultDir: string;
  core: CustodyCore;
  /** Locks as main would for `reason` (idle, system...), so the page gets the event. */
  lock(reason?: LockReason): void;
  close(): Promise<void>;
}

const HARNESS_CLIENT = join(import.meta.dirname, 'harness-client.js');
const MAX_BODY = 8 * 1024 * 1024;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const throwaway = options.vaultDir === undefined;
  const vaultDir = options.vaultDir ?? (await mkdtemp(join(tmpdir(), 'custody-harness-')));
  const rendererDir = await ensureRendererBuilt(
    resolve(options.rendererDir ?? defaultRendererDir),
    { rebuild: options.rebuild ?? false },
  );
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const page = harnessPage(html);
  const clientScript = await readFile(HARNESS_CLIENT);

  const core = new CustodyCore(vaultDir, {
    surface: 'harness',
    ...(options.pickEvidence ? { pickEvidence: options.pickEvidence } : {}),
    ...(options.pickPacketTarget ? { pickPacketTarget: options.pickPacketTarget } : {}),
    ...(options.pickVerifyFile ? { pickVerifyFile: options.pickVerifyFile } : {}),
    ...(options.pickHashList ? { pickHashList: options.pickHashList } : {}),
    ...(options.pickXsd ? { pickXsd: options.pickXsd } : {}),
    ...(options.backgroundHashing ? { backgroundHashing: options.backgroundHashing } : {}),
  });
  if (options.passphrase !== undefined) {
    if ((await core.state()) === 'absent') await core.create(options.passphrase);
    else await core.unlock(options.passphrase);
  }
  const dispatch = createDispatcher(core, handlers, options.onInternalError);
  const previews = options.previewHandler ?? createPreviewHandler(core);
  const hub = new EventHub();
  const stopForwarding = forwardCoreEvents(core, () => hub.window);

  const token = randomBytes(32).toString('base64url');
  const headers = {
    'Content-Security-Policy': harnessPolicy(),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = `http://127.0.0.1:${port}`;
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    // A foreign Host means DNS rebinding; a foreign Origin means another site posting to us.
    const originHeader = req.headers.origin;
    const url = new URL(req.url ?? '/', origin);
    if (
      !hosts.includes(req.headers.host ?? '') ||
      (originHeader !== undefined && !hosts.some((h) => originHeader === `http://${h}`)) ||
      !hasToken(req, url, token, port)
    ) {
      return send(res, 403, headers, 'Forbidden');
    }
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    if (route === 'GET /' || route === 'GET /index.html') {
      return send(
        res,
        200,
        {
          ...headers,
          'Content-Type': 'text/html; charset=utf-8',
          'Set-Cookie': `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`,
        },
        page,
      );
    }
    if (route === 'GET /harness-client.js') {
      return send(
        res,
        200,
        { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' },
        clientScript,
      );
    }
    if (route === 'POST /ipc') return handleIpc(req, res);
    if (route === 'GET /events') return hub.attach(res, headers);
    if (req.method === 'GET' && url.pathname.startsWith('/preview/')) {
      return handlePreview(req, res, url);
    }
    const file = req.method === 'GET' ? await readStatic(rendererDir, url.pathname) : null;
    if (!file) return send(res, 404, headers, 'Not found');
    return send(res, 200, { ...headers, 'Content-Type': file.type }, file.body);
  };

  const handleIpc = async (req: IncomingMessage, res: ServerResponse) => {
    let message: { channel?: unknown; args?: unknown };
    try {
      message = JSON.parse((await readBody(req, MAX_BODY)).toString('utf8')) as typeof message;
    } catch (e) {
      const status = e instanceof BodyTooLargeError ? 413 : 400;
      return send(res, status, headers, 'Bad request');
    }
    const result = await dispatch(message?.channel, message?.args);
    send(res, 200, { ...headers, 'Content-Type': 'application/json' }, JSON.stringify(result));
  };

  // Previews: a web Request in, a web Response out, with the handler's own headers (no-store).
  // Only the Range header goes along, as a <video> sends it for the media stream.
  const handlePreview = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const range = req.headers.range;
    const response = await previews(
      new Request(url, { method: 'GET', ...(range ? { headers: { Range: range } } : {}) }),
    );
    res.writeHead(response.status, { ...headers, ...Object.fromEntries(response.headers) });
    if (!response.body) return res.end();
    Readable.fromWeb(response.body as NodeReadableStream).pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, headers, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', done);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let closed = false;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    vaultDir,
    core,
    lock: (reason = 'user') => core.lock(reason),
    close: async () => {
      if (closed) return;
      closed = true;
      await core.close();
      stopForwarding();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      if (throwaway) await rm(vaultDir, { recursive: true, force: true });
    },
  };
}
