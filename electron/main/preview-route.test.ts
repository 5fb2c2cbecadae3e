import { describe, expect, it } from 'vitest';
import { guardPreviews, isPreviewRequest, type PreviewHandler } from './preview-route.ts';

const URL_OK = 'custody://preview/i_abcdefghijklmnop/screen/outline';

describe('guardPreviews', () => {
  it('passes preview GETs to the handler and marks the answer no-store', async () => {
    const seen: string[] = [];
    const handler: PreviewHandler = (request) => {
      seen.push(request.url);
      return Promise.resolve(
        new Response(new Uint8Array([1, 2, 3]), {
          headers: { 'Content-Type': 'image/webp', 'Cache-Control': 'max-age=3600' },
        }),
      );
    };
    const response = await guardPreviews(handler)(new Request(URL_OK));
    expect(seen).toEqual([URL_OK]);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('marks a response with immutable headers (as fetch returns) no-store too', async () => {
    const immutable = Response.redirect('custody://preview/i_abcdefghijklmnop/grid/veiled', 302);
    const response = await guardPreviews(() => Promise.resolve(immutable))(new Request(URL_OK));
    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('turns a network-error response into a bare 502', async () => {
    const response = await guardPreviews(() => Promise.resolve(Response.error()))(
      new Request(URL_OK),
    );
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps non-preview URLs and non-GET methods away from the handler', async () => {
    let calls = 0;
    const guarded = guardPreviews(() => {
      calls += 1;
      return Promise.resolve(new Response('x'));
    });
    const other = await guarded(new Request('custody://elsewhere/i_abcdefghijklmnop/grid/veiled'));
    const post = await guarded(new Request(URL_OK, { method: 'POST', body: 'x' }));
    expect([other.status, post.status]).toEqual([404, 405]);
    expect(other.headers.get('cache-control')).toBe('no-store');
    expect(calls).toBe(0);
  });

  it('turns a throwing handler into a bare 500 that names nothing', async () => {
    const response = await guardPreviews(() =>
      Promise.reject(new Error('/home/me/vault/blobs/ab12 failed')),
    )(new Request(URL_OK));
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("passes the handler's 404 for an absent preview through", async () => {
    const absent: PreviewHandler = () => Promise.resolve(new Response(null, { status: 404 }));
    const response = await guardPreviews(absent)(new Request(URL_OK));
    expect(response.status).toBe(404);
  });
});

describe('isPreviewRequest', () => {
  it('accepts custody://preview/ only', () => {
    expect(isPreviewRequest(URL_OK)).toBe(true);
    expect(isPreviewRequest('custody://user@preview/x')).toBe(false);
    expect(isPreviewRequest('app://custody/index.html')).toBe(false);
    expect(isPreviewRequest('https://preview/x')).toBe(false);
    expect(isPreviewRequest('nonsense')).toBe(false);
  });
});
