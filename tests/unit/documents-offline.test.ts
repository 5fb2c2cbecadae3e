// Documents point at the network (links, scripts, form submissions): reading one must never call
// any of them. Each fixture here points at a listener of our own, which must see no request.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../electron/core/extract/pdf/pdf.extractor.ts';
import { DEFAULT_LIMITS } from '../../electron/core/extract/extract-result.ts';
import { extractWeb } from '../../electron/core/extract/web/web.extractor.ts';
import { handmadePdf } from '../fixtures/written/make-pdf.ts';

const requests: string[] = [];
const server = createServer((req, res) => {
  requests.push(req.url ?? '');
  res.end();
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A plain request to the listener: once it is answered, any earlier call would have been seen. */
async function requestsSoFar(): Promise<string[]> {
  await fetch(`${url}probe`);
  return requests.filter((r) => r !== '/probe');
}

describe('reading documents stays offline', () => {
  it('a PDF: its link, open-action script and form submission are listed, never called', async () => {
    const attachment = { name: 'note.txt', bytes: Buffer.from('note') };
    const result = await extractPdf(
      { bytes: handmadePdf({ url, attachment }), name: 'h.pdf' },
      DEFAULT_LIMITS,
    );
    expect(result.links).toEqual([`${url}link`]);
    expect(result.facts['hasScripts']).toBe(true);
    expect(await requestsSoFar()).toEqual([]);
  });

  it('an HTML page: its images, scripts, styles, frames and links are never fetched', async () => {
    const html = `<!doctype html><html><head>
<link rel="stylesheet" href="${url}style.css"><script src="${url}script.js"></script></head>
<body><img src="${url}image.png"><iframe src="${url}frame"></iframe>
<a href="${url}link">link</a><form action="${url}form"><input name="q"></form></body></html>`;
    const result = await extractWeb({ bytes: Buffer.from(html), name: 'p.html' }, DEFAULT_LIMITS);
    expect(result.links).toEqual([`${url}link`]);
    expect(result.children).toEqual([]);
    expect(await requestsSoFar()).toEqual([]);
  });
});
