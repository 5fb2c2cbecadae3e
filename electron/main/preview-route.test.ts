import { describe, expect, it } from 'vitest';
import { guardPreviews, isPreviewRequest, type PreviewHandler } from './preview-route.ts';

const URL_OK = 'custody://preview/i_abcdefghijklmnop/screen/outline';

describe('guardPreviews', () => {
  it("passes preview GETs to the handler and its answer through untouched (headers are core's)", async () => {
    const seen: string[] = [];
    const handler: PreviewHandler = (request) => {
      seen.push(request.url);
      return Promise.resolve(
        new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/webp' } }),
      );
    };
    const response = await guardPreviews(handler)(new Request(URL_OK));
    expect(seen).toEqual([URL_OK]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
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
