// The app's two schemes. `app:` serves the built renderer (so no page is ever a file:// page),
// `custody:` serves previews from memory. Neither bypasses the CSP; both are secure contexts.
import { protocol, type Session } from 'electron';
import { APP_SCHEME, PREVIEW_SCHEME } from './security.ts';
import { serveRendererFiles } from './renderer-files.ts';
import { guardPreviews, type PreviewHandler } from './preview-route.ts';

/** Must run before the app's `ready` event (Electron's rule for privileged schemes). */
export function registerPrivilegedSchemes(): void {
  const privileges = { standard: true, secure: true, supportFetchAPI: true };
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges },
    // `stream`: <video> and <audio> read custody://preview/<item>/stream by HTTP Range.
    { scheme: PREVIEW_SCHEME, privileges: { ...privileges, stream: true } },
  ]);
}

export interface ProtocolOptions {
  /** The built renderer folder (out/renderer). */
  readonly rendererDir: string;
  /** The CSP header every app: document carries. */
  readonly csp: string;
  /** Serves `custody://preview/<item>/<size>/<variant>` and `…/<item>/stream`; see preview-route.ts. */
  readonly previews: PreviewHandler;
}

/** Binds both schemes on the window's own session (handlers are per session). */
export function bindProtocols(ses: Session, options: ProtocolOptions): void {
  ses.protocol.handle(APP_SCHEME, serveRendererFiles(options.rendererDir, options.csp));
  ses.protocol.handle(PREVIEW_SCHEME, guardPreviews(options.previews));
}
