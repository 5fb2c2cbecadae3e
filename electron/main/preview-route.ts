// The `custody:` protocol's policy around whatever serves previews (core's createPreviewHandler,
// bound in index.ts). Pure web-standard Request → Response, so the browser harness can reuse it.
import { PREVIEW_HOST, PREVIEW_SCHEME } from './security.ts';
import { refusePreview } from '../core/preview/preview-handler.ts';

/** Answers `custody://preview/<item>/<size>/<variant>` with decrypted bytes from memory. */
export type PreviewHandler = (request: Request) => Promise<Response>;

export function isPreviewRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${PREVIEW_SCHEME}:` &&
      parsed.host === PREVIEW_HOST &&
      !parsed.username &&
      !parsed.password
    );
  } catch {
    return false;
  }
}

/**
 * Lets only GETs of preview URLs reach the handler. Headers are the handler's alone (core's
 * preview-handler.ts sets them for every answer, as the harness serves them too), so this guard
 * refuses with the same `refusePreview` and passes the handler's answer through untouched.
 */
export function guardPreviews(handler: PreviewHandler): PreviewHandler {
  return async (request) => {
    if (request.method !== 'GET') return refusePreview(405, 'method not allowed');
    if (!isPreviewRequest(request.url)) return refusePreview(404, 'not a preview address');
    return handler(request);
  };
}
