// The `custody:` protocol's policy around whatever serves previews (core's createPreviewHandler,
// bound in index.ts). Pure web-standard Request → Response, so the browser harness can reuse it.
import { PREVIEW_HOST, PREVIEW_SCHEME } from './security.ts';

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
 * Wraps the preview handler: only GETs of preview URLs reach it, a throw becomes a bare 500 (no
 * message, which could name a file), and every response carries `Cache-Control: no-store` so no
 * cache layer keeps a decoded image.
 */
export function guardPreviews(handler: PreviewHandler): PreviewHandler {
  return async (request) => {
    if (request.method !== 'GET') return noStore(new Response(null, { status: 405 }));
    if (!isPreviewRequest(request.url)) return noStore(new Response(null, { status: 404 }));
    let response: Response;
    try {
      response = await handler(request);
    } catch {
      response = new Response(null, { status: 500 });
    }
    return noStore(response);
  };
}

function noStore(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Content-Type-Options', 'nosniff');
  // A fresh Response: one from fetch() or a handler may have immutable headers. A network-error
  // response (status 0) cannot be rebuilt and becomes a bare 502.
  if (response.status < 200 || response.status > 599)
    return new Response(null, { status: 502, headers });
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
